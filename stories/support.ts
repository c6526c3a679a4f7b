/**
 * What stories need to show every state without any network: feeds from fixture files served
 * by Storybook (`/fixtures`, `/demo`), and for the states a file cannot give, a few stand-ins:
 * a feed that never answers (loading held), a network that fails (offline, with a kept copy),
 * a position for Near me, and quiz progress seeded in the session.
 */
import { clearFeedMemory, keepFeedCopy } from '../src/feed/client.js';
import { readFeed } from '../src/feed/read.js';
import { saveProgress, type QuizProgress } from '../src/quiz/progress.js';

/** A feed URL that never answers: the widget stays in `loading`. */
export const HELD = '/__story/held.json';
/** A feed URL whose request fails as if offline. */
export const OFFLINE = '/__story/offline.json';

const original = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const path = new URL(input instanceof Request ? input.url : String(input), location.href)
    .pathname;
  if (path === HELD) return new Promise<Response>(() => undefined);
  if (path === OFFLINE) return Promise.reject(new TypeError('Failed to fetch'));
  return original(input, init);
};

/** Loader: keep a copy of a fixture as the offline copy of {@link OFFLINE}, dated `fetchedAt`. */
export function withOfflineCopy(fixture: string, fetchedAt = Date.now() - 2 * 24 * 3600 * 1000) {
  return async () => {
    clearFeedMemory(); // the page's memory of the copy, from another story
    await keepFeedCopy(OFFLINE, await (await original(fixture)).text(), fetchedAt);
    return {};
  };
}

/** Loader: put the visitor at a given point of a quiz, as if they had reloaded the page. */
export function withQuizProgress(
  feed: string,
  quizId: string,
  progress: (ids: string[]) => QuizProgress,
) {
  return async () => {
    const url = new URL(feed, location.href).href;
    const quiz = readFeed(await (await original(url)).json(), url).feed!.quizzes.find(
      (q) => q.id === quizId,
    )!;
    saveProgress(url, quiz, progress(quiz.questions.map((q) => q.id)));
    return {};
  };
}

/** Decorator body: answer Near me with a position (here: Flores, Petén). */
export function stubGeolocation(latitude = 16.9297, longitude = -89.8925): void {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition: (ok: PositionCallback) =>
        ok({ coords: { latitude, longitude } } as GeolocationPosition),
    },
  });
}
