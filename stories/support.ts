/**
 * What stories need to show every state without any network: feeds from fixture files served
 * by Storybook (`/fixtures`, `/demo`), and for the states a file cannot give, a few stand-ins:
 * a feed that never answers (loading held), a network that fails (offline, with a kept copy),
 * a position for Near me, and quiz progress seeded in the session. And what every widget's
 * stories share, from the widget registry: their args, controls and render.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import { createWidget, optionsOf, type WidgetConfig } from '../src/embed/config.js';
import { clearFeedMemory, keepFeedCopy } from '../src/feed/client.js';
import { WIDGETS, type AttributeSpec, type WidgetName } from '../src/generated/widgets.js';
import { readFeed } from '../src/feed/read.js';
import type { Quiz } from '../src/feed/schema.js';
import { saveProgress, type QuizProgress } from '../src/quiz/progress.js';

/** A feed URL that never answers: the widget stays in `loading`. */
export const HELD = '/__story/held.json';
/** A feed URL whose request fails as if offline. */
export const OFFLINE = '/__story/offline.json';

/**
 * test/fixtures/hubs-exceptions.geojson with its dates moved to now: a hub closed today and
 * tomorrow for a holiday, one closed for a while until two months from now (Guatemala's dates).
 */
export const HOURS_TODAY = '/__story/hours-today.geojson';

/** The date `days` from now in Guatemala, "2026-12-24". */
const guatemalaDate = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Guatemala' }).format(
    Date.now() + days * 24 * 3600 * 1000,
  );

async function hoursToday(init?: RequestInit): Promise<Response> {
  const text = await (await original('/fixtures/hubs-exceptions.geojson', init)).text();
  const moved = text
    .replaceAll('2026-12-24', guatemalaDate(0))
    .replaceAll('2026-12-25', guatemalaDate(1))
    .replaceAll('2027-08-03', guatemalaDate(60));
  return new Response(moved, { headers: { 'content-type': 'application/geo+json' } });
}

const original = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const path = new URL(input instanceof Request ? input.url : String(input), location.href)
    .pathname;
  if (path === HELD) return new Promise<Response>(() => undefined);
  if (path === OFFLINE) return Promise.reject(new TypeError('Failed to fetch'));
  if (path === HOURS_TODAY) return hoursToday(init);
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
  progress: (ids: string[], quiz: Quiz) => QuizProgress,
) {
  return async () => {
    const url = new URL(feed, location.href).href;
    const quiz = readFeed(await (await original(url)).json(), url).feed!.quizzes.find(
      (q) => q.id === quizId,
    )!;
    saveProgress(
      url,
      quiz,
      progress(
        quiz.questions.map((q) => q.id),
        quiz,
      ),
    );
    return {};
  };
}

/**
 * `beforeEach`: the browser's speech synthesis with voices for these languages (a headless
 * browser has none), so that Listen buttons show where no recording is; pressed, they say
 * nothing. Put back when the story goes.
 */
export function withVoices(langs: string[]) {
  return () => {
    class Utterance extends EventTarget {
      lang = '';
      voice: unknown = null;
      constructor(public text: string) {
        super();
      }
    }
    const voices = langs.map((lang) => ({ lang, name: lang, voiceURI: lang, default: false }));
    const fake = Object.assign(new EventTarget(), {
      getVoices: () => voices,
      speak: (u: Utterance) => setTimeout(() => u.dispatchEvent(new Event('end')), 1000),
      cancel: () => undefined,
    });
    const saved = [
      ['speechSynthesis', Object.getOwnPropertyDescriptor(window, 'speechSynthesis')],
      [
        'SpeechSynthesisUtterance',
        Object.getOwnPropertyDescriptor(window, 'SpeechSynthesisUtterance'),
      ],
    ] as const;
    Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      value: Utterance,
      configurable: true,
      writable: true,
    });
    return () => {
      for (const [name, descriptor] of saved)
        if (descriptor) Object.defineProperty(window, name, descriptor);
    };
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

type Attributes<W extends WidgetName> = (typeof WIDGETS)[W]['attributes'];

/** What an attribute's control holds: a switch, a number, one of its values, or text. */
type ValueOf<S> = S extends { readonly type: 'boolean' }
  ? boolean
  : S extends { readonly type: 'number' }
    ? number
    : S extends { readonly values: readonly (infer V)[] }
      ? V
      : string;

/** A widget story's args: every attribute of its element (the toolbar sets `theme`). */
export type WidgetArgs<W extends WidgetName> = {
  -readonly [A in Exclude<keyof Attributes<W>, 'theme'>]: ValueOf<Attributes<W>[A]>;
};

/** Storybook's control for an attribute. */
function controlOf(spec: AttributeSpec): ArgTypes[string] {
  if (spec.values) return { control: 'inline-radio', options: [...spec.values] };
  return { control: spec.type === 'string' ? 'text' : spec.type };
}

/**
 * What a widget's stories share, from the registry (src/generated/widgets.ts): args with the
 * element's defaults, overridden by `args`; a control for every attribute; and a render that
 * makes the element as the configurator and the iframe page do (`createWidget`), in the
 * toolbar's theme. An attribute added to a widget is an arg of its stories with no edit here.
 */
export function widgetStories<W extends WidgetName>(
  widget: W,
  args: Partial<WidgetArgs<W>>,
): {
  args: WidgetArgs<W>;
  argTypes: ArgTypes;
  render: (args: WidgetArgs<W>) => HTMLElement;
} {
  const attributes: Readonly<Record<string, AttributeSpec>> = WIDGETS[widget].attributes;
  const own = Object.entries(attributes).filter(([name]) => name !== 'theme');
  return {
    args: {
      ...Object.fromEntries(own.map(([name, spec]) => [name, spec.default ?? ''])),
      ...args,
    } as WidgetArgs<W>,
    argTypes: {
      ...Object.fromEntries(own.map(([name, spec]) => [name, controlOf(spec)])),
      theme: { control: false, description: 'Set by the toolbar’s Theme.' },
    },
    render: (values) => {
      const all = values as Record<string, string | number | boolean | undefined>;
      const text = (name: string) => String(all[name] ?? '');
      const config: WidgetConfig = {
        widget,
        src: text('src'),
        lang: text('lang'),
        theme: document.body.dataset.miTheme ?? 'light',
        options: Object.fromEntries(
          optionsOf(widget).map(([name, spec]) => [
            name,
            spec.type === 'boolean' ? all[name] === true : text(name),
          ]),
        ),
      };
      return createWidget(config);
    },
  };
}
