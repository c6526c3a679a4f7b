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

/** Every connected widget's controller, told when a `lang` changes anywhere on the page. */
const controllers = new Set<LocaleController>();
let pageObserver: MutationObserver | undefined;

function watchPage(): void {
  if (pageObserver) return;
  const refreshAll = () => controllers.forEach((c) => c.refresh());
  pageObserver = new MutationObserver(refreshAll);
  pageObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
  window.addEventListener('languagechange', refreshAll);
}

/**
 * Keeps a widget's language current: resolved when it connects and again (with an update
 * requested) when a `lang` attribute changes on the page or on the element, or the browser's
 * languages change — so the values are current before any update reads them. Loads the
 * interface translations it needs before they are used.
 */
export class LocaleController implements ReactiveController {
  /** The widget's language tag, as resolved. */
  lang = 'en';
  /** The translated interface locale it speaks. */
  ui: UiLocale = 'en';
  /** The locale given to `Intl`, found on first use (see {@link format}). */
  private formatLocale?: string;
  /** Content languages, best first. */
  preferences: string[] = ['en'];

  private readonly host: Host;
  private readonly own = new MutationObserver(() => this.refresh());

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  /**
   * The locale given to `Intl`. Found only when a widget first formats something: the page's
   * first use of `Intl` loads the browser's locale data, 150–250 ms of a 4× throttled phone
   * CPU, and a widget that connects while its feed loads has nothing to format yet. By then
   * the feed reader's worker has paid that cost off the main thread (src/feed/parse-worker.ts).
   */
  get format(): string {
    return (this.formatLocale ??= formatLocaleFor(this.lang));
  }

  /** False until the interface translations for `ui` are in memory. */
  get ready(): boolean {
    return isLocaleLoaded(this.ui);
  }

  hostConnected(): void {
    controllers.add(this);
    watchPage();
    // Inside another component's shadow root the page observer cannot see the element itself.
    this.own.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    this.resolve();
  }

  hostDisconnected(): void {
    controllers.delete(this);
    this.own.disconnect();
  }

  hostUpdate(): void {
    if (!this.ready) {
      const wanted = this.ui;
      loadLocale(wanted).then(
        () => this.host.requestUpdate(),
        (error: unknown) =>
          console.error(`[mi-widgets] Could not load the "${wanted}" translations.`, error),
      );
    }
  }

  /** Re-resolve the language and, when it changed, update the widget. */
  refresh(): void {
    if (this.resolve()) this.host.requestUpdate();
  }

  private resolve(): boolean {
    const lang = resolveLang(this.host);
    if (lang === this.lang) return false;
    this.lang = lang;
    this.ui = uiLocaleFor(lang);
    this.formatLocale = undefined;
    this.preferences = contentPreferences(lang, fallbackChain(lang));
    return true;
  }

  /** Run a synchronous render in this widget's interface locale. */
  render<T>(render: () => T): T {
    return withLocale(this.ready ? this.ui : 'en', render);
  }
}
