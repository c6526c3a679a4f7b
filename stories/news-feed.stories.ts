import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/news-feed/mi-news-feed.js';
import {
  HELD,
  OFFLINE,
  widgetStories,
  withOfflineCopy,
  withVoices,
  type WidgetArgs,
} from './support.js';

type Args = WidgetArgs<'news-feed'>;

const meta: Meta<Args> = {
  title: 'Widgets/News feed',
  component: 'mi-news-feed',
  tags: ['autodocs'],
  ...widgetStories('news-feed', { src: '/demo/feed.json' }),
};
export default meta;
type Story = StoryObj<Args>;

export const List: Story = {};
export const Cards: Story = { args: { layout: 'cards', limit: 6 } };
export const FilteredByTag: Story = { args: { tag: 'information-hubs' } };
/** The interface in the toolbar's language, the stories in French: the feed has none, so English. */
export const ContentInAnotherLanguage: Story = { args: { lang: 'fr' } };
/** One item of the demo feed has a recording (its title, in Spanish): its play button. */
export const WithRecording: Story = { args: { lang: 'es' } };
/** With a voice for Spanish, Listen reads the other items aloud. */
export const ListenWithAVoice: Story = { args: { lang: 'es' }, beforeEach: withVoices(['es-ES']) };
export const WithImageAndHtml: Story = { args: { src: '/fixtures/feed.json' } };
export const LongTexts: Story = { args: { src: '/fixtures/long-texts.json', layout: 'cards' } };
/** Items without a link: a cut summary opens in place with Read more; a short one has none. */
export const ItemsWithoutALink: Story = { args: { src: '/fixtures/read-more.json' } };
/** A name of its own for the region, for a page with several news feeds. */
export const Labelled: Story = { args: { label: 'Noticias de Guatemala' } };
// The longest a widget waits (5 minutes): with the default 10 s it would turn into the
// timeout error while someone looks at it, or while a busy machine screenshots it.
export const Loading: Story = { args: { src: HELD, timeout: 300_000 }, tags: ['loading'] };
export const Empty: Story = { args: { src: '/fixtures/empty.json' } };
export const ErrorWithRetry: Story = {
  args: { src: '/fixtures/not-a-feed.json' },
  tags: ['expect-console-errors'],
};
export const OfflineWithKeptCopy: Story = {
  args: { src: OFFLINE },
  loaders: [withOfflineCopy('/demo/feed.json')],
  tags: ['expect-console-errors'],
};
export const HostileContent: Story = {
  args: { src: '/fixtures/xss.json', limit: 10 },
  tags: ['expect-console-errors'],
};
