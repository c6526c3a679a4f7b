import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/news-feed/mi-news-feed.js';

interface Args {
  src: string;
  limit: number;
  layout: 'list' | 'cards';
  tag: string;
  lang: string;
}

/** The story's theme: the toolbar's unless the story pins one. */
const theme = () => document.body.dataset.miTheme ?? 'light';

const meta: Meta<Args> = {
  title: 'Widgets/News feed',
  component: 'mi-news-feed',
  args: { src: '/demo/feed.json', limit: 5, layout: 'list', tag: '', lang: '' },
  argTypes: {
    layout: { control: 'inline-radio', options: ['list', 'cards'] },
  },
  render: ({ src, limit, layout, tag, lang }) =>
    html`<mi-news-feed
      src=${src}
      limit=${limit}
      layout=${layout}
      tag=${tag || nothing}
      lang=${lang || nothing}
      theme=${theme()}
    ></mi-news-feed>`,
};
export default meta;
type Story = StoryObj<Args>;

export const List: Story = {};
export const Cards: Story = { args: { layout: 'cards', limit: 6 } };
export const FilteredByTag: Story = { args: { tag: 'information-hubs' } };
export const ContentInAnotherLanguage: Story = { args: { lang: 'fr' } };
export const WithImageAndHtml: Story = { args: { src: '/fixtures/feed.json' } };
export const Empty: Story = { args: { src: '/fixtures/empty.json' } };
export const Error: Story = { args: { src: '/fixtures/not-a-feed.json' } };
export const HostileContent: Story = { args: { src: '/fixtures/xss.json', limit: 10 } };
