import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { mountThemeBuilder } from '../demo/theme-builder.js';

/**
 * Pick a brand colour (and, if you like, the text, background and surface), watch the four
 * widgets in the light and the dark theme side by side, fix any pair below WCAG AA contrast with
 * one click on its nearest passing shade, and copy the CSS block into your page. The same
 * builder is in the snippet configurator (demo/configurator.html).
 */
const meta: Meta = {
  title: 'Guides/Theme builder',
  // The preview shows each widget twice, light and dark: their regions are named by theme, but
  // the hub locator's search form has one name in both (axe's landmark-unique).
  tags: ['duplicate-landmarks'],
  parameters: {
    layout: 'padded',
    a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } },
    // It shows both themes side by side whatever the toolbar says: one set of pictures.
    visual: { themes: ['light'] },
  },
  render: () => {
    const host = document.createElement('div');
    mountThemeBuilder(host, { feed: '/demo/feed.json' });
    return host;
  },
};
export default meta;

export const ThemeBuilder: StoryObj = {};
