import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/quiz/mi-quiz.js';
import {
  HELD,
  OFFLINE,
  widgetStories,
  withOfflineCopy,
  withQuizProgress,
  withVoices,
  type WidgetArgs,
} from './support.js';

type Args = WidgetArgs<'quiz'>;

const DEMO = '/demo/feed.json';

const meta: Meta<Args> = {
  title: 'Widgets/Quiz',
  component: 'mi-quiz',
  tags: ['autodocs'],
  ...widgetStories('quiz', { src: DEMO }),
};
export default meta;
type Story = StoryObj<Args>;

export const Start: Story = { loaders: [async () => (sessionStorage.clear(), {})] };
export const Statement: Story = {
  loaders: [
    withQuizProgress(DEMO, 'myths-sample', (order) => ({
      screen: 'question',
      order,
      index: 1,
      answers: { [order[0]]: 'myth' },
    })),
  ],
};
export const FeedbackRight: Story = {
  loaders: [
    withQuizProgress(DEMO, 'myths-sample', (order) => ({
      screen: 'question',
      order,
      index: 0,
      answers: { [order[0]]: 'myth' },
    })),
  ],
};
export const FeedbackWrong: Story = {
  loaders: [
    withQuizProgress(DEMO, 'myths-sample', (order) => ({
      screen: 'question',
      order,
      index: 0,
      answers: { [order[0]]: 'fact' },
    })),
  ],
};
export const Result: Story = {
  loaders: [
    withQuizProgress(DEMO, 'myths-sample', (order) => ({
      screen: 'result',
      order,
      index: order.length - 1,
      answers: Object.fromEntries(order.map((id, i) => [id, i % 3 ? 'myth' : 'fact'])),
    })),
  ],
};
/** The demo's first statement has a recording in Spanish: its play button. */
export const StatementWithRecording: Story = {
  args: { lang: 'es' },
  loaders: [
    withQuizProgress(DEMO, 'myths-sample', (order) => ({
      screen: 'question',
      order,
      index: 0,
      answers: {},
    })),
  ],
};
/** Its explanation has none: with a voice for Spanish, Listen reads it aloud. */
export const ExplanationWithAVoice: Story = {
  args: { lang: 'es' },
  beforeEach: withVoices(['es-ES']),
  loaders: [
    withQuizProgress(DEMO, 'myths-sample', (order) => ({
      screen: 'question',
      order,
      index: 0,
      answers: { [order[0]]: 'myth' },
    })),
  ],
};
export const Shuffled: Story = { args: { shuffle: true } };
export const ContentInAnotherLanguage: Story = { args: { lang: 'pt' } };
export const LongTexts: Story = { args: { src: '/fixtures/long-texts.json' } };
export const Loading: Story = { args: { src: HELD }, tags: ['loading'] };
export const Empty: Story = {
  args: { src: '/fixtures/quiz-empty.json' },
};
export const ErrorWithRetry: Story = {
  args: { src: '/fixtures/malformed.json' },
  tags: ['expect-console-errors'],
};
export const OfflineWithKeptCopy: Story = {
  args: { src: OFFLINE },
  loaders: [withOfflineCopy('/demo/feed.json')],
  tags: ['expect-console-errors'],
};
