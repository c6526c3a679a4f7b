// Written by scripts/tokens.js from src/tokens/tokens.json: edit the tokens, then run
// `node scripts/tokens.js`.

/** Each colour token's default (`--mi-color-<name>`), in each theme. */
export const COLOR_DEFAULTS = {
  light: {
    background: '#ffffff',
    surface: '#f4f6f8',
    text: '#1a1a1a',
    muted: '#565b63',
    border: '#c9ced6',
    primary: '#0b5cad',
    'on-primary': '#ffffff',
    error: '#a4161a',
    success: '#1b6b3a',
    warning: '#f2b01e',
    'on-warning': '#1a1a1a',
    urgent: '#a4161a',
    'on-urgent': '#ffffff',
  },
  dark: {
    background: '#16181d',
    surface: '#22252c',
    text: '#f1f3f5',
    muted: '#b9bec7',
    border: '#4a4f59',
    primary: '#8cc4ff',
    'on-primary': '#0b1a2b',
    error: '#ff9a8f',
    success: '#7fd69a',
    warning: '#f5c04a',
    'on-warning': '#1a1a1a',
    urgent: '#ff8a80',
    'on-urgent': '#1a1a1a',
  },
} as const;

export type ColorName = keyof (typeof COLOR_DEFAULTS)['light'];
