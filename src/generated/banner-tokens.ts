// Written by scripts/tokens.js from src/tokens/tokens.json: edit the tokens, then run
// `node scripts/tokens.js`.
import { css } from 'lit';

/** The campaign banner's severity colours in the light theme. */
export const bannerLightTokens = css`
--_warning: var(--mi-color-warning, #f2b01e);
--_on-warning: var(--mi-color-on-warning, #1a1a1a);
--_urgent: var(--mi-color-urgent, #a4161a);
--_on-urgent: var(--mi-color-on-urgent, #ffffff);
`;

/** The dark theme's, where they differ. */
export const bannerDarkTokens = css`
--_warning: var(--mi-color-warning, #f5c04a);
--_urgent: var(--mi-color-urgent, #ff8a80);
--_on-urgent: var(--mi-color-on-urgent, #1a1a1a);
`;
