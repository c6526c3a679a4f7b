import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/quiz/mi-quiz.js';

interface Args {
  src: string;
  quiz: string;
  shuffle: boolean;
  lang: string;
}

const theme = () => document.body.dataset.miTheme ?? 'light';

const meta: Meta<Args> = {
  title: 'Widgets/Quiz',
  component: 'mi-quiz',
  args: { src: '/demo/feed.json', quiz: '', shuffle: false, lang: '' },
  render: ({ src, quiz, shuffle, lang }) =>
    html`<mi-quiz
      src=${src}
      quiz=${quiz || nothing}
      ?shuffle=${shuffle}
      lang=${lang || nothing}
      theme=${theme()}
    ></mi-quiz>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Start: Story = {};
export const Shuffled: Story = { args: { shuffle: true } };
export const ContentInAnotherLanguage: Story = { args: { lang: 'pt' } };
export const Empty: Story = { args: { src: '/fixtures/quiz-empty.json' } };
export const Error: Story = { args: { src: '/fixtures/malformed.json' } };
