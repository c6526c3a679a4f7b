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

export const freshProgress = (quiz: Quiz): QuizProgress => ({
  screen: 'start',
  order: quiz.questions.map((q) => q.id),
  index: 0,
  answers: {},
});

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

/** The number of right answers. */
export function score(quiz: Quiz, answers: Record<string, Answer>): number {
  return quiz.questions.filter((q) => answerOf(answers, q.id) === q.answer).length;
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
  const ids = new Set(quiz.questions.map((q) => q.id));
  const valid =
    ['start', 'question', 'result'].includes(saved.screen) &&
    Array.isArray(saved.order) &&
    saved.order.length === ids.size &&
    saved.order.every((id) => ids.has(id)) &&
    Number.isInteger(saved.index) &&
    saved.index >= 0 &&
    saved.index < saved.order.length &&
    typeof saved.answers === 'object' &&
    saved.answers !== null &&
    Object.entries(saved.answers).every(([id, a]) => ids.has(id) && (a === 'myth' || a === 'fact'));
  return valid
    ? { screen: saved.screen, order: saved.order, index: saved.index, answers: saved.answers }
    : undefined;
}

export function saveProgress(feedUrl: string, quiz: Quiz, progress: QuizProgress): void {
  writeJson('session', key(feedUrl, quiz.id), { ...progress, signature: signature(quiz) });
}
