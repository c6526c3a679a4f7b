import type { Feed, Question, Quiz } from '../feed/schema.js';
import { languageRank } from '../feed/text.js';
import { readJson, writeJson } from '../shared/storage.js';

export type Answer = Question['answer'];
export type Screen = 'start' | 'question' | 'result';

/** Where a visitor is in a quiz: what survives a reload within the session. */
export interface QuizProgress {
  screen: Screen;
  /** Question ids in the order of this attempt. */
  order: string[];
  /** Index in `order` of the statement on screen. */
  index: number;
  /** The visitor's answers, by question id. */
  answers: Record<string, Answer>;
}

export const freshProgress = (quiz: Quiz, draw = 0): QuizProgress => ({
  screen: 'start',
  order: quiz.questions.slice(0, drawCount(quiz, draw)).map((q) => q.id),
  index: 0,
  answers: {},
});

/** How many statements an attempt asks: `draw` of the bank when it has more, else all. */
export const drawCount = (quiz: Quiz, draw: number): number =>
  draw > 0 ? Math.min(draw, quiz.questions.length) : quiz.questions.length;

/**
 * The statements of a new attempt, by id: `draw` of them at random when the bank has more (in
 * the bank's order, unless `shuffle`), else all; in a random order with `shuffle`.
 */
export function attemptOrder(
  quiz: Quiz,
  { draw = 0, shuffle = false }: { draw?: number; shuffle?: boolean },
  random: () => number = Math.random,
): string[] {
  const ids = quiz.questions.map((q) => q.id);
  const count = drawCount(quiz, draw);
  if (count === ids.length) return shuffle ? shuffled(ids, random) : ids;
  const drawn = shuffled(ids, random).slice(0, count);
  if (shuffle) return drawn;
  const chosen = new Set(drawn);
  return ids.filter((id) => chosen.has(id));
}

/**
 * The quiz to show: the one with `id` when asked for, else the first available in the
 * visitor's language (its `languages`, or a title written in it), else the first. A quiz with
 * no valid question is no quiz.
 */
export function selectQuiz(feed: Feed, preferences: readonly string[], id = ''): Quiz | undefined {
  const usable = feed.quizzes.filter((q) => q.questions.length > 0);
  if (id) return usable.find((q) => q.id === id);
  const own = (quiz: Quiz) => {
    const tags =
      quiz.languages ??
      (quiz.title === undefined || typeof quiz.title === 'string' ? [] : Object.keys(quiz.title));
    return tags.some((tag) => languageRank(tag, preferences) < 1);
  };
  return usable.find(own) ?? usable[0];
}

/** Random order (Fisher–Yates), for `shuffle`. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The visitor's answer to a question, if any. Only the answers' own keys: a statement's id is
 * feed data, and `answers["constructor"]` would otherwise find `Object`'s.
 */
export function answerOf(answers: Record<string, Answer>, id: string): Answer | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

/** The number of right answers among the statements of the attempt (`order`). */
export function score(quiz: Quiz, progress: Pick<QuizProgress, 'order' | 'answers'>): number {
  const asked = new Set(progress.order);
  return quiz.questions.filter(
    (q) => asked.has(q.id) && answerOf(progress.answers, q.id) === q.answer,
  ).length;
}

const key = (feedUrl: string, quizId: string) => `mi-widgets:quiz:${feedUrl}#${quizId}`;
/** What a saved attempt must match: the quiz's questions, so a changed quiz starts fresh. */
const signature = (quiz: Quiz) =>
  quiz.questions
    .map((q) => `${q.id}:${q.answer}`)
    .sort()
    .join('|');

/** The visitor's progress in this quiz from earlier in the session, if it still fits the quiz. */
export function restoreProgress(feedUrl: string, quiz: Quiz): QuizProgress | undefined {
  const saved = readJson<QuizProgress & { signature: string }>('session', key(feedUrl, quiz.id));
  if (!saved || saved.signature !== signature(quiz)) return undefined;
  // The attempt's own statements: all of the quiz's, or those drawn for it (`draw`).
  const ids = new Set(quiz.questions.map((q) => q.id));
  const valid =
    ['start', 'question', 'result'].includes(saved.screen) &&
    Array.isArray(saved.order) &&
    saved.order.length > 0 &&
    new Set(saved.order).size === saved.order.length &&
    saved.order.every((id) => ids.has(id)) &&
    Number.isInteger(saved.index) &&
    saved.index >= 0 &&
    saved.index < saved.order.length &&
    typeof saved.answers === 'object' &&
    saved.answers !== null &&
    Object.entries(saved.answers).every(
      ([id, a]) => saved.order.includes(id) && (a === 'myth' || a === 'fact'),
    );
  return valid
    ? { screen: saved.screen, order: saved.order, index: saved.index, answers: saved.answers }
    : undefined;
}

export function saveProgress(feedUrl: string, quiz: Quiz, progress: QuizProgress): void {
  writeJson('session', key(feedUrl, quiz.id), { ...progress, signature: signature(quiz) });
}
