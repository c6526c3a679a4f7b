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

const wrong = (answer: 'myth' | 'fact') => (answer === 'myth' ? 'fact' : 'myth');

const ready = async (canvas: HTMLElement) => {
  const el = canvas.querySelector('mi-quiz')!;
  while (el.getAttribute('state') !== 'ready') await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  return el;
};

const meta: Meta<Args> = {
  title: 'Widgets/Quiz',
  component: 'mi-quiz',
  tags: ['autodocs'],
  ...widgetStories('quiz', { src: DEMO }),
};
export default meta;
type Story = StoryObj<Args>;

/** The demo quiz at statement `index` of an attempt, with the answers given so far. */
const atStatement = (
  index: number,
  answers: (order: string[]) => Record<string, 'myth' | 'fact'> = () => ({}),
) =>
  withQuizProgress(DEMO, 'myths-sample', (order) => ({
    screen: 'question',
    order,
    index,
    answers: answers(order),
  }));

export const Start: Story = { loaders: [async () => (sessionStorage.clear(), {})] };
export const Statement: Story = {
  loaders: [atStatement(1, (order) => ({ [order[0]]: 'myth' }))],
};
export const FeedbackRight: Story = {
  loaders: [atStatement(0, (order) => ({ [order[0]]: 'myth' }))],
};
export const FeedbackWrong: Story = {
  loaders: [atStatement(0, (order) => ({ [order[0]]: 'fact' }))],
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
  loaders: [atStatement(0)],
};
/** The first statement of the demo quiz has a picture (demo/quiz-desert-road.svg) with alt text. */
export const StatementWithImage: Story = {
  loaders: [atStatement(0)],
};
/** Its explanation has none: with a voice for Spanish, Listen reads it aloud. */
export const ExplanationWithAVoice: Story = {
  args: { lang: 'es' },
  beforeEach: withVoices(['es-ES']),
  loaders: [atStatement(0, (order) => ({ [order[0]]: 'myth' }))],
};
/** Every answer wrong: the feed's message for the lowest band, with its call to action (find a hub). */
export const ResultWithBandMessageAndCallToAction: Story = {
  loaders: [
    withQuizProgress(DEMO, 'myths-sample', (order, quiz) => ({
      screen: 'result',
      order,
      index: order.length - 1,
      answers: Object.fromEntries(quiz.questions.map((q) => [q.id, wrong(q.answer)])),
    })),
  ],
};
/** The review with every explanation open, the right answers' too. */
export const ReviewWithExplanationsOpen: Story = {
  loaders: [
    withQuizProgress(DEMO, 'myths-sample', (order, quiz) => ({
      screen: 'result',
      order,
      index: order.length - 1,
      // The first half right, the rest wrong: 50 %, the feed's middle band.
      answers: Object.fromEntries(
        quiz.questions.map((q, i) => [q.id, i < order.length / 2 ? q.answer : wrong(q.answer)]),
      ),
    })),
  ],
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
  },
};
export const Shuffled: Story = { args: { shuffle: true } };
/** Three statements drawn at random from the demo quiz's eight on each attempt. */
export const DrawThree: Story = {
  args: { draw: 3 },
  loaders: [async () => (sessionStorage.clear(), {})],
};
export const ContentInAnotherLanguage: Story = { args: { lang: 'pt' } };
export const LongTexts: Story = { args: { src: '/fixtures/long-texts.json' } };
// The longest a widget waits (5 minutes): with the default 10 s it would turn into the
// timeout error while someone looks at it, or while a busy machine screenshots it.
export const Loading: Story = { args: { src: HELD, timeout: 300_000 }, tags: ['loading'] };
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
