import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { contentPreferences } from '../feed/text.js';
import {
  fallbackChain,
  formatLocaleFor,
  resolveLang,
  uiLocaleFor,
  type UiLocale,
} from './locale.js';
import { isLocaleLoaded, loadLocale, withLocale } from './localize.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Every connected widget, told when a `lang` changes anywhere on the page. */
const hosts = new Set<Host>();
let pageObserver: MutationObserver | undefined;

function watchPage(): void {
  if (pageObserver) return;
  pageObserver = new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
  pageObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
  window.addEventListener('languagechange', () => hosts.forEach((h) => h.requestUpdate()));
}

/**
 * Keeps a widget's language current: re-resolved on every update, and an update is requested
 * when a `lang` attribute changes on the page, on the element or when the browser's languages
 * change. Loads the interface translations it needs before they are used.
 */
export class LocaleController implements ReactiveController {
  /** The widget's language tag, as resolved. */
  lang = 'en';
  /** The translated interface locale it speaks. */
  ui: UiLocale = 'en';
  /** The locale given to `Intl`. */
  format = 'en';
  /** Content languages, best first. */
  preferences: string[] = ['en'];

  private readonly host: Host;
  private readonly own = new MutationObserver(() => this.host.requestUpdate());

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  /** False until the interface translations for `ui` are in memory. */
  get ready(): boolean {
    return isLocaleLoaded(this.ui);
  }

  hostConnected(): void {
    hosts.add(this.host);
    watchPage();
    // Inside another component's shadow root the page observer cannot see the element itself.
    this.own.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    this.own.disconnect();
  }

  hostUpdate(): void {
    const lang = resolveLang(this.host);
    if (lang !== this.lang) {
      this.lang = lang;
      this.ui = uiLocaleFor(lang);
      this.format = formatLocaleFor(lang);
      this.preferences = contentPreferences(lang, fallbackChain(lang));
    }
    if (!this.ready) {
      const wanted = this.ui;
      loadLocale(wanted).then(
        () => this.host.requestUpdate(),
        (error: unknown) =>
          console.error(`[mi-widgets] Could not load the "${wanted}" translations.`, error),
      );
    }
  }

  /** Run a synchronous render in this widget's interface locale. */
  render<T>(render: () => T): T {
    return withLocale(this.ready ? this.ui : 'en', render);
  }
}
