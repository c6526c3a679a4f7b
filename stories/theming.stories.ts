import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/news-feed/mi-news-feed.js';
import '../src/quiz/mi-quiz.js';
import '../src/campaign-banner/mi-campaign-banner.js';
import '../src/hub-locator/mi-hub-locator.js';

/** Every `--mi-*` custom property, live: change one and watch the widgets follow. */
interface Args {
  '--mi-font-family': string;
  '--mi-font-size': string;
  '--mi-color-text': string;
  '--mi-color-muted': string;
  '--mi-color-background': string;
  '--mi-color-surface': string;
  '--mi-color-border': string;
  '--mi-color-primary': string;
  '--mi-color-on-primary': string;
  '--mi-color-success': string;
  '--mi-color-error': string;
  '--mi-radius': string;
  '--mi-space': string;
}

const meta: Meta<Args> = {
  title: 'Guides/Theming',
  // The widgets here take the page's colours, not the toolbar's theme: one screenshot per width.
  parameters: { visual: { themes: ['light'] } },
  args: {
    '--mi-font-family': 'Georgia, serif',
    '--mi-font-size': '16px',
    '--mi-color-text': '#1a1a1a',
    '--mi-color-muted': '#565b63',
    '--mi-color-background': '#fffaf0',
    '--mi-color-surface': '#f3ead8',
    '--mi-color-border': '#c9b99a',
    '--mi-color-primary': '#7a2e0e',
    '--mi-color-on-primary': '#ffffff',
    '--mi-color-success': '#1b6b3a',
    '--mi-color-error': '#a4161a',
    '--mi-radius': '2px',
    '--mi-space': '20px',
  },
  argTypes: Object.fromEntries(
    [
      'text',
      'muted',
      'background',
      'surface',
      'border',
      'primary',
      'on-primary',
      'success',
      'error',
    ].map((c) => [`--mi-color-${c}`, { control: 'color' }]),
  ),
  render: (args) =>
    html`<div style=${styleMap(args as unknown as Record<string, string>)}>
      <mi-news-feed src="/demo/feed.json" limit="2" layout="cards"></mi-news-feed>
      <p></p>
      <mi-quiz src="/demo/feed.json"></mi-quiz>
    </div>`,
};
export default meta;

export const PartnerTheme: StoryObj<Args> = {};

/** The four widgets on a page whose text settings (`style`) they inherit. */
const page = (style: Record<string, string>) =>
  html`<div style=${styleMap(style)}>
    <mi-campaign-banner src="/demo/feed.json" layout="card"></mi-campaign-banner>
    <p></p>
    <mi-news-feed src="/demo/feed.json" limit="2"></mi-news-feed>
    <p></p>
    <mi-quiz src="/demo/feed.json"></mi-quiz>
    <p></p>
    <mi-hub-locator src="/demo/feed.json"></mi-hub-locator>
  </div>`;

/** A visitor whose browser's default font is 24px: every widget grows with it. */
export const LargeText: StoryObj<Args> = { render: () => page({ 'font-size': '24px' }) };

/** WCAG 1.4.12 text spacing on the page: it reaches inside, and no text is cut through. */
export const TextSpacing: StoryObj<Args> = {
  render: () =>
    page({ 'line-height': '1.5', 'letter-spacing': '0.12em', 'word-spacing': '0.16em' }),
};
