import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/hub-locator/mi-hub-locator.js';
import {
  HELD,
  HOURS_TODAY,
  OFFLINE,
  stubGeolocation,
  widgetStories,
  withOfflineCopy,
  type WidgetArgs,
} from './support.js';

type Args = WidgetArgs<'hub-locator'>;

const locator = (canvas: HTMLElement) => canvas.querySelector('mi-hub-locator')!;
const ready = async (canvas: HTMLElement) => {
  const el = locator(canvas);
  while (el.getAttribute('state') !== 'ready') await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  return el;
};

const meta: Meta<Args> = {
  title: 'Widgets/Hub locator',
  component: 'mi-hub-locator',
  tags: ['autodocs'],
  ...widgetStories('hub-locator', {
    src: '/demo/feed.json',
    tiles: '/fixtures/pixel.png?{z}/{x}/{y}',
    'tiles-attribution': 'Blank tiles (Storybook works offline)',
  }),
};
export default meta;
type Story = StoryObj<Args>;

export const List: Story = {};
export const PresetCountryAndService: Story = { args: { country: 'GT', service: 'legal' } };
export const NearMeSorted: Story = {
  decorators: [(story) => (stubGeolocation(), story())],
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="near-me-button"]')!.click();
  },
};
export const OpenNowFiltered: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
  },
};
export const SearchPeten: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
    input.value = 'peten';
    input.dispatchEvent(new Event('input'));
  },
};
export const WithMap: Story = { args: { map: true } };
export const BareGeoJson: Story = {
  args: { src: '/fixtures/hubs-test.geojson' },
};
export const LongTexts: Story = { args: { src: '/fixtures/long-texts.json' } };
/**
 * Hours that tell the truth: a hub closed today and tomorrow for a holiday (its week open), one
 * closed for a while with its notice, one open.
 */
export const HolidayAndTemporaryClosure: Story = {
  args: { src: HOURS_TODAY, lang: 'es' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLDetailsElement>('[data-hub="holiday"] [part="week"]')!.open =
      true;
  },
};
export const Loading: Story = { args: { src: HELD }, tags: ['loading'] };
export const Empty: Story = { args: { src: '/fixtures/feed.json' } };
export const ErrorWithRetry: Story = {
  args: { src: '/fixtures/malformed.json' },
  tags: ['expect-console-errors'],
};
/** French interface; the hubs' texts are in English and Spanish only, so English. */
export const ContentInAnotherLanguage: Story = { args: { lang: 'fr' } };
export const OfflineWithKeptCopy: Story = {
  args: { src: OFFLINE },
  loaders: [withOfflineCopy('/demo/feed.json')],
  tags: ['expect-console-errors'],
};
