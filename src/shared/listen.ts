/**
 * Listening to the feed's texts, for visitors who do not read: a recording the feed gives, or
 * else the browser's speech synthesis in the text's language (when it has a voice for it).
 *
 * A widget keeps one {@link ListenController} and renders `this.listen.render(…)` beside each
 * text; its styles take {@link listenStyles}. Nothing is fetched before the visitor presses the
 * button (the `<audio>` element is made then), nothing plays by itself, and one recording plays
 * at a time on the page: starting one stops every other of every widget (each widget listens on
 * the document, across shadow roots and copies of the library), and the page's own media playing
 * stops them too.
 *
 * A chunk of its own in the CDN build: the news feed, the quiz and the banner load it, the hub
 * locator does not.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { Attachment, LocalizedText, Recordings } from '../feed/schema.js';
import { languageRank, pickLocalized, pickText, safeUrl } from '../feed/text.js';

/** The document event a widget fires when it starts to play or speak: the others stop. */
const STARTED = 'mi-widgets:listen';

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

/** What a button plays: a recording, or else the text read aloud in its language. */
export interface Listening {
  /** The text shown, for speech synthesis. */
  text: string;
  /** The language of that text, when known. */
  lang?: string;
  /** The recording (an absolute http(s) URL), if the feed has one in a fitting language. */
  src?: string;
}

/**
 * The language of the text {@link pickLocalized} shows: the map's key it picks, else `fallback` (the
 * entry's or the feed's language) for plain text.
 */
export function languageOf(
  text: LocalizedText | undefined,
  preferences: readonly string[],
  fallback?: string,
): string | undefined {
  return pickLocalized(text, preferences).lang ?? fallback;
}

/**
 * The recording to play, chosen as texts are: the best language of the visitor's preferences;
 * a recording in no preferred language only in the language of the text shown. A plain URL (a
 * news attachment without `_language`) is in the text's language.
 */
export function pickRecording(
  audio: Recordings | readonly Attachment[] | undefined,
  preferences: readonly string[],
  textLang: string | undefined,
  itemLang?: string,
): string | undefined {
  if (audio === undefined) return undefined;
  const candidates: [string | undefined, string][] =
    typeof audio === 'string'
      ? [[textLang, audio]]
      : Array.isArray(audio)
        ? (audio as readonly Attachment[])
            .filter((a) => a.mime_type.startsWith('audio/'))
            .map((a) => [a._language ?? itemLang ?? textLang, a.url])
        : Object.entries(audio as Record<string, string>);
  let best: string | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const [tag, url] of candidates) {
    const src = safeUrl(url);
    if (!src) continue;
    const sameAsText = !tag || (textLang !== undefined && primary(tag) === primary(textLang));
    let rank = languageRank(tag, preferences);
    if (rank === Number.POSITIVE_INFINITY && sameAsText) rank = preferences.length + 1;
    if (rank < bestRank) {
      best = src;
      bestRank = rank;
    }
  }
  return best;
}

/** The page's speech synthesis, where the browser has one. */
const synthesis = (): SpeechSynthesis | undefined =>
  typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;

/**
 * A voice for a language: one of its region first (`es-MX`), else of the language (`es-US`); of
 * each, one the device has (`localService`) before one of an online service, which would be sent
 * the text.
 */
export function voiceFor(
  voices: readonly SpeechSynthesisVoice[],
  lang: string | undefined,
): SpeechSynthesisVoice | undefined {
  if (!lang) return undefined;
  const tagOf = (tag: string) => tag.toLowerCase().replace(/_/g, '-');
  const want = tagOf(lang);
  const local = [...voices].sort((a, b) => Number(!!b.localService) - Number(!!a.localService));
  return (
    local.find((voice) => tagOf(voice.lang) === want) ??
    local.find((voice) => primary(tagOf(voice.lang)) === primary(want))
  );
}

interface Playing {
  key: string;
  /** Stop it: pause the recording (it resumes where it was) or cancel the speech. */
  stop(): void;
}

/**
 * One widget's Listen buttons: which is playing, which failed, the recordings made so far (a
 * paused one resumes where it was), the voices the browser has.
 */
export class ListenController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: {
    preferences: () => readonly string[];
    ui: () => string;
  };
  private readonly recordings = new Map<string, HTMLAudioElement>();
  private readonly failed = new Set<string>();
  private playing?: Playing;
  private voices: readonly SpeechSynthesisVoice[] = [];
  private synth?: SpeechSynthesis;

  /** Another widget (or another copy of the library) started: stop ours. */
  private readonly onStarted = (event: Event) => {
    if ((event as CustomEvent<unknown>).detail !== this) this.stop();
  };
  /** The page's own media started: stop ours. Ours are not in the document: no event of theirs comes here. */
  private readonly onPagePlay = () => this.stop();
  private readonly onVoices = () => this.host.requestUpdate();

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: { preferences: () => readonly string[]; ui: () => string },
  ) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener(STARTED, this.onStarted);
    document.addEventListener('play', this.onPagePlay, true);
    // Voices may come later than the page (Chrome loads them): listen for them.
    this.synth = synthesis();
    this.synth?.addEventListener?.('voiceschanged', this.onVoices);
  }

  hostDisconnected(): void {
    this.stop();
    document.removeEventListener(STARTED, this.onStarted);
    document.removeEventListener('play', this.onPagePlay, true);
    this.synth?.removeEventListener?.('voiceschanged', this.onVoices);
  }

  hostUpdate(): void {
    try {
      this.voices = synthesis()?.getVoices() ?? [];
    } catch {
      this.voices = [];
    }
  }

  /**
   * What a button beside these texts would play: the recording in the language chosen as the
   * texts' is, else the texts read aloud.
   *
   * @param texts the texts shown, first the one whose language counts (a title), read in order
   * @param audio the feed's recordings of them, or a news item's attachments
   * @param lang the language of plain (not per-language) text: the entry's, else the feed's
   */
  listening(
    texts: readonly (LocalizedText | undefined)[],
    audio: Recordings | readonly Attachment[] | undefined,
    lang?: string,
  ): Listening {
    const preferences = this.options.preferences();
    const first = texts.find((t) => t !== undefined);
    const textLang = languageOf(first, preferences, lang);
    return {
      text: texts
        .map((t) => pickText(t, preferences).trim())
        .filter(Boolean)
        .join('\n'),
      lang: textLang,
      src: pickRecording(audio, preferences, textLang, lang),
    };
  }

  /**
   * The Listen button for a text, or nothing: with a recording, it plays it; without one, it
   * reads the text aloud where the browser has a voice for its language; else there is none.
   *
   * @param key the text's own name in the widget (an item's id), unique among its buttons
   */
  render(
    key: string,
    texts: readonly (LocalizedText | undefined)[],
    audio?: Recordings | readonly Attachment[],
    lang?: string,
  ): unknown {
    const what = this.listening(texts, audio, lang);
    const voice = what.src ? undefined : voiceFor(this.voices, what.lang);
    if (!what.src && !(voice && what.text)) return nothing;
    const on = this.playing?.key === key;
    // Failed, the button says so (pressed again, it tries again); the live region beside it
    // tells a screen reader, which would not announce a new name of the button.
    const failed = !on && this.failed.has(key);
    const error = failed ? msg('Could not play', { id: 'common.listen-error' }) : '';
    const label = failed
      ? error
      : !on
        ? msg('Listen', { id: 'common.listen' })
        : what.src
          ? msg('Pause', { id: 'common.listen-pause' })
          : msg('Stop', { id: 'common.listen-stop' });
    return html`<span class="listen" lang=${this.options.ui()}
      ><button
        part="listen-button"
        class="listen-button secondary ${failed ? 'failed' : ''}"
        type="button"
        data-listen=${what.src ? 'recording' : 'speech'}
        @click=${() => this.toggle(key, what, voice)}
      >
        <span class="listen-icon" aria-hidden="true">${on ? '❚❚' : failed ? '!' : '▶\uFE0E'}</span>
        ${label}</button
      ><span class="visually-hidden" role="status">${error}</span></span
    >`;
  }

  /** Stop whatever this widget plays. */
  stop(): void {
    const playing = this.playing;
    if (!playing) return;
    this.playing = undefined;
    playing.stop();
    this.host.requestUpdate();
  }

  private toggle(key: string, what: Listening, voice?: SpeechSynthesisVoice): void {
    if (this.playing?.key === key) {
      this.stop();
      return;
    }
    this.stop();
    this.failed.delete(key);
    document.dispatchEvent(new CustomEvent(STARTED, { detail: this }));
    if (what.src) this.play(key, what.src);
    else if (voice) this.speak(key, what, voice);
    this.host.requestUpdate();
  }

  /** Play a recording: its element is made on the first press (nothing is fetched before). */
  private play(key: string, src: string): void {
    let audio = this.recordings.get(key);
    if (audio?.src !== src) {
      audio = new Audio();
      audio.preload = 'none';
      const element = audio;
      const done = () => {
        if (this.playing?.key === key && this.recordings.get(key) === element) this.stop();
      };
      element.addEventListener('ended', done);
      element.addEventListener('pause', done);
      element.addEventListener('error', () => this.fail(key));
      element.src = src;
      this.recordings.set(key, element);
    }
    const element = audio;
    this.playing = { key, stop: () => element.pause() };
    element.play().catch((error: unknown) => {
      // Paused before it started (the visitor pressed again): not a failure.
      if ((error as DOMException | undefined)?.name !== 'AbortError') this.fail(key);
    });
  }

  /** Read the text aloud in its language. */
  private speak(key: string, what: Listening, voice: SpeechSynthesisVoice): void {
    const synth = synthesis();
    if (!synth) return;
    const utterance = new SpeechSynthesisUtterance(what.text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    const mine = () => this.playing?.key === key && this.playing.stop === cancel;
    const cancel = () => synth.cancel();
    utterance.addEventListener('end', () => {
      if (mine()) this.stop();
    });
    utterance.addEventListener('error', (event) => {
      // Cancelled by us (Stop, or another recording starting): not a failure.
      if (mine() && event.error !== 'interrupted' && event.error !== 'canceled') this.fail(key);
    });
    this.playing = { key, stop: cancel };
    synth.cancel();
    synth.speak(utterance);
  }

  /** The recording or speech could not play: the button says so, the text stays. */
  private fail(key: string): void {
    if (this.playing?.key === key) this.playing = undefined;
    this.recordings.delete(key);
    this.failed.add(key);
    this.host.requestUpdate();
  }
}

/** The Listen button: compact, one line of small text, beside the text it reads. */
export const listenStyles = css`
  .listen {
    display: inline-flex;
    min-width: 0;
    max-width: 100%;
  }
  .listen-button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 24px;
    min-width: 24px;
    padding: 0 0.6em;
    border-width: 1px;
    font-size: 0.875em;
    line-height: 1.5;
    white-space: nowrap;
  }
  .listen-icon {
    font-size: 0.8em;
    line-height: 1;
  }
  .listen-button.failed {
    border-color: var(--_muted);
    color: var(--_text);
  }
`;
