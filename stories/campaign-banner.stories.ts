import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/campaign-banner/mi-campaign-banner.js';
import {
  HELD,
  OFFLINE,
  widgetStories,
  withOfflineCopy,
  withVoices,
  type WidgetArgs,
} from './support.js';

type Args = WidgetArgs<'campaign-banner'>;

const meta: Meta<Args> = {
  title: 'Widgets/Campaign banner',
  component: 'mi-campaign-banner',
  tags: ['autodocs'],
  ...widgetStories('campaign-banner', { src: '/demo/feed.json', country: 'GT', dismissible: true }),
  // Dismissals are remembered: every story starts with none.
  loaders: [async () => (localStorage.clear(), {})],
  // (a story's own loaders run after this one)
};
export default meta;
type Story = StoryObj<Args>;

export const Bar: Story = { args: { campaign: 'sample-think-twice-bar' } };
/** The demo's bar campaign has a recording in Spanish: its play button beside the call to action. */
export const BarWithRecording: Story = { args: { campaign: 'sample-think-twice-bar', lang: 'es' } };
/** A hero with a voice for Spanish: Listen reads the campaign aloud, on the dark panel. */
export const HeroWithAVoice: Story = {
  args: { layout: 'hero', campaign: 'sample-safe-migration-hero', lang: 'es' },
  beforeEach: withVoices(['es-ES']),
};
export const Card: Story = { args: { layout: 'card', campaign: 'sample-information-hubs-card' } };
export const Hero: Story = { args: { layout: 'hero', campaign: 'sample-safe-migration-hero' } };
export const HeroWithImage: Story = {
  args: { layout: 'hero', src: '/fixtures/campaigns.json', country: 'GT', lang: 'es' },
};
export const Rotating: Story = { args: { layout: 'card', rotate: true } };
/** Paused by the visitor: the button now says Resume rotation, filled, with a play triangle. */
export const Paused: Story = {
  args: { layout: 'card', rotate: true },
  // Without reduced motion (npm run test:visual): with it there is no rotation to pause.
  tags: ['motion'],
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('mi-campaign-banner')!;
    while (el.getAttribute('state') !== 'ready') await new Promise((r) => setTimeout(r, 20));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="pause-button"]')!.click();
  },
};
/** A warning (here about fraudsters selling visas): marked in words, with an amber edge; closable. */
export const Warning: Story = { args: { campaign: 'sample-visa-fraud-warning' } };
export const WarningCard: Story = {
  args: { layout: 'card', campaign: 'sample-visa-fraud-warning', lang: 'es' },
};
/**
 * An urgent notice wins over a campaign of higher priority and takes the banner alone, even
 * with `rotate`: no close button, announced once (`role="alert"`).
 */
export const Urgent: Story = {
  args: { layout: 'card', rotate: true, src: '/fixtures/campaign-urgent.json', country: '' },
};
export const UrgentBar: Story = {
  args: { src: '/fixtures/campaign-urgent.json', country: '', lang: 'es' },
};
/** A 320 px phone: the close button keeps a column of its own beside the text. */
export const HeroAt320px: Story = {
  args: { layout: 'hero', campaign: 'sample-visa-fraud-warning', lang: 'es' },
  decorators: [(story) => html`<div style="max-width: 320px">${story()}</div>`],
  // Its own width: screenshotted once, on the desktop page (npm run test:visual).
  parameters: { visual: { widths: [1024] } },
};
export const LongTexts: Story = { args: { layout: 'card', src: '/fixtures/long-texts.json' } };
export const Loading: Story = {
  args: { src: HELD },
  tags: ['loading'],
  // The box the bar will fill: its own height, held from before the feed arrives.
  // Waiting the longest a widget waits (5 minutes), not the default 10 s.
  render: () =>
    html`<mi-campaign-banner
      src=${HELD}
      timeout="300000"
      theme=${document.body.dataset.miTheme ?? 'light'}
    ></mi-campaign-banner>`,
};
/** No campaign running for this audience: the element takes no space. */
export const NoneRunning: Story = { args: { campaign: 'no-such-campaign' } };
export const ErrorWithRetry: Story = {
  args: { src: '/fixtures/malformed.json' },
  tags: ['expect-console-errors'],
};
/** The feed has this campaign in English only: it shows in English, the interface in French. */
export const ContentInAnotherLanguage: Story = {
  args: { layout: 'card', src: '/fixtures/campaign-english-only.json', country: '', lang: 'fr' },
};
export const OfflineWithKeptCopy: Story = {
  args: { layout: 'card', src: OFFLINE, campaign: 'sample-safe-migration-hero' },
  loaders: [withOfflineCopy('/demo/feed.json')],
  tags: ['expect-console-errors'],
};
