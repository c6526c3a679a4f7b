import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
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

/** Open a hub's details, as the visitor does with its Details button. */
const openDetails = async (el: HTMLElement & { updateComplete: Promise<boolean> }, id: string) => {
  const hub = el.shadowRoot!.querySelector<HTMLElement>(`[data-hub="${id}"]`)!;
  hub.querySelector<HTMLButtonElement>('[part="details-button"]')!.click();
  await el.updateComplete;
  return hub;
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
    await openDetails(el, 'holiday');
    await openDetails(el, 'closed');
  },
};
/** What to know before going — who it serves, cost, what to bring, access, when checked — and Report an error. */
export const WhatToKnow: Story = {
  args: { src: '/fixtures/hubs-know.geojson', lang: 'es' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await openDetails(el, 'know-all');
    await openDetails(el, 'text-cost');
  },
};
/** A Q'eqchi' speaker's search: the hubs that speak it, each language by its name. */
export const LanguageFilter: Story = {
  args: { lang: 'es' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#language')!;
    select.value = 'kek';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const first = el.shadowRoot!.querySelector<HTMLElement>('[part="hub"]')!;
    await openDetails(el, first.dataset.hub!);
  },
};
/** No hub matches: the list says so, with one button that clears the search and filters. */
export const NoHubFound: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
    input.value = 'zzz no such place';
    input.dispatchEvent(new Event('input'));
  },
};
/** A 360 px phone: compact cards, the list first and the map behind its toggle. */
export const Phone: Story = {
  args: { map: true },
  decorators: [(story) => html`<div style="max-width: 360px">${story()}</div>`],
  // Its own width: screenshotted once, on the desktop page (npm run test:visual).
  parameters: { visual: { widths: [1024] } },
};
/** A 360 px phone, the map opened on one hub from its card. */
export const PhoneShowOnMap: Story = {
  args: { map: true },
  decorators: [(story) => html`<div style="max-width: 360px">${story()}</div>`],
  // Its own width: screenshotted once, on the desktop page (npm run test:visual).
  parameters: { visual: { widths: [1024] } },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const hub = await openDetails(el, 'hub-la-libertad');
    hub.querySelector<HTMLButtonElement>('.show-on-map')!.click();
  },
};
/**
 * `beforeEach`: no share sheet, and a clipboard whose copy succeeds or fails (a headless browser
 * has neither); put back when the story goes.
 */
const withClipboard = (copies: boolean) => () => {
  const saved = ['share', 'clipboard'].map(
    (name) => [name, Object.getOwnPropertyDescriptor(navigator, name)] as const,
  );
  Object.defineProperty(navigator, 'share', { value: undefined, configurable: true });
  Object.defineProperty(navigator, 'clipboard', {
    value: {
      writeText: () =>
        copies ? Promise.resolve() : Promise.reject(new DOMException('Denied', 'NotAllowedError')),
    },
    configurable: true,
  });
  return () => {
    for (const [name, descriptor] of saved)
      if (descriptor) Object.defineProperty(navigator, name, descriptor);
      else delete (navigator as unknown as Record<string, unknown>)[name];
  };
};

/** Share a hub's card: its live region says what happened. */
const share = async (canvas: HTMLElement) => {
  const el = await ready(canvas);
  const hub = await openDetails(el, 'hub-la-libertad');
  hub.querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
  while (!hub.querySelector('.shared p')) await new Promise((r) => setTimeout(r, 20));
};

/** Shared with no share sheet: the hub's text copied, for the visitor to paste in a message. */
export const SharedByCopy: Story = {
  beforeEach: withClipboard(true),
  play: ({ canvasElement }) => share(canvasElement),
};
/** Neither a share sheet nor a copy: Could not copy, and a WhatsApp link with the text. */
export const ShareCouldNotCopy: Story = {
  beforeEach: withClipboard(false),
  play: ({ canvasElement }) => share(canvasElement),
};
// The longest a widget waits (5 minutes): with the default 10 s it would turn into the
// timeout error while someone looks at it, or while a busy machine screenshots it.
export const Loading: Story = { args: { src: HELD, timeout: 300_000 }, tags: ['loading'] };
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
