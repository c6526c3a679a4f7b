import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/campaign-banner/mi-campaign-banner.js';
import { HELD, OFFLINE, withOfflineCopy } from './support.js';

interface Args {
  src: string;
  layout: 'bar' | 'card' | 'hero';
  country: string;
  campaign: string;
  rotate: boolean;
  dismissible: boolean;
  lang: string;
}

const theme = () => document.body.dataset.miTheme ?? 'light';

const meta: Meta<Args> = {
  title: 'Widgets/Campaign banner',
  component: 'mi-campaign-banner',
  tags: ['autodocs'],
  args: {
    src: '/demo/feed.json',
    layout: 'bar',
    country: 'GT',
    campaign: '',
    rotate: false,
    dismissible: true,
    lang: '',
  },
  argTypes: { layout: { control: 'inline-radio', options: ['bar', 'card', 'hero'] } },
  // Dismissals are remembered: every story starts with none.
  loaders: [async () => (localStorage.clear(), {})],
  // (a story's own loaders run after this one)
  render: ({ src, layout, country, campaign, rotate, dismissible, lang }) =>
    html`<mi-campaign-banner
      src=${src}
      layout=${layout}
      country=${country || nothing}
      campaign=${campaign || nothing}
      ?rotate=${rotate}
      ?dismissible=${dismissible}
      lang=${lang || nothing}
      theme=${theme()}
    ></mi-campaign-banner>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Bar: Story = { args: { campaign: 'sample-think-twice-bar' } };
export const Card: Story = { args: { layout: 'card', campaign: 'sample-information-hubs-card' } };
export const Hero: Story = { args: { layout: 'hero', campaign: 'sample-safe-migration-hero' } };
export const HeroWithImage: Story = {
  args: { layout: 'hero', src: '/fixtures/campaigns.json', country: 'GT', lang: 'es' },
};
export const Rotating: Story = { args: { layout: 'card', rotate: true } };
export const LongTexts: Story = { args: { layout: 'card', src: '/fixtures/long-texts.json' } };
export const Loading: Story = {
  args: { src: HELD },
  tags: ['loading'],
  // The box the bar will fill: its own height, held from before the feed arrives.
  render: () => html`<mi-campaign-banner src=${HELD}></mi-campaign-banner>`,
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
