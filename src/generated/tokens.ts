// Written by scripts/tokens.js from src/tokens/tokens.json: edit the tokens, then run
// `node scripts/tokens.js`.
import { css } from 'lit';

/** The light theme's defaults (and the radius and spacing), as the widgets' private properties. */
export const lightTokens = css`
--_radius: var(--mi-radius, 8px);
--_space: var(--mi-space, 16px);
--_bg: var(--mi-color-background, #ffffff);
--_surface: var(--mi-color-surface, #f4f6f8);
--_text: var(--mi-color-text, #1a1a1a);
--_muted: var(--mi-color-muted, #565b63);
--_border: var(--mi-color-border, #c9ced6);
--_primary: var(--mi-color-primary, #0b5cad);
--_on-primary: var(--mi-color-on-primary, #ffffff);
--_error: var(--mi-color-error, #a4161a);
--_success: var(--mi-color-success, #1b6b3a);
`;

/** The dark theme's, where they differ from the light theme's. */
export const darkTokens = css`
--_bg: var(--mi-color-background, #16181d);
--_surface: var(--mi-color-surface, #22252c);
--_text: var(--mi-color-text, #f1f3f5);
--_muted: var(--mi-color-muted, #b9bec7);
--_border: var(--mi-color-border, #4a4f59);
--_primary: var(--mi-color-primary, #8cc4ff);
--_on-primary: var(--mi-color-on-primary, #0b1a2b);
--_error: var(--mi-color-error, #ff9a8f);
--_success: var(--mi-color-success, #7fd69a);
`;
