/**
 * @lit/localize in runtime mode, with one addition: each widget renders in its own locale.
 *
 * `configureLocalization()` keeps one active locale per page, but two widgets on one page may
 * speak different languages (`<mi-news-feed lang="en">` on a Spanish page). So we install the
 * same runtime `msg()` lookup lit-localize uses, reading the templates of the locale whose
 * render is under way: {@link withLocale} wraps a widget's synchronous `render()`.
 * Every UI string is still a `msg('…', {id})` call that `lit-localize extract` finds.
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { LocaleModule } from '@lit/localize';
import { sourceLocale } from '../generated/locale-codes.js';
import type { UiLocale } from './locale.js';

type Templates = LocaleModule['templates'];

const loaders: Record<Exclude<UiLocale, typeof sourceLocale>, () => Promise<LocaleModule>> = {
  es: () => import('../generated/locales/es.js'),
  fr: () => import('../generated/locales/fr.js'),
  pt: () => import('../generated/locales/pt.js'),
};

const templates = new Map<UiLocale, Templates | undefined>([[sourceLocale, undefined]]);
const loading = new Map<UiLocale, Promise<void>>();
let current: UiLocale = sourceLocale;

try {
  _installMsgImplementation(((
    template: Parameters<typeof runtimeMsg>[1],
    options?: Parameters<typeof runtimeMsg>[2],
  ) => runtimeMsg(templates.get(current), template, options)) as Parameters<
    typeof _installMsgImplementation
  >[0]);
} catch {
  // The host page configured its own copy of @lit/localize (only possible with the bundler
  // build, where Lit is shared): widgets then speak the host's active locale.
  console.warn('[mi-widgets] @lit/localize is configured by the page; widgets follow its locale.');
}

/** Are this locale's translations in memory? */
export function isLocaleLoaded(locale: UiLocale): boolean {
  return templates.has(locale);
}

/** Load a locale's translations (a small lazy chunk each). */
export function loadLocale(locale: UiLocale): Promise<void> {
  if (templates.has(locale)) return Promise.resolve();
  let promise = loading.get(locale);
  if (!promise) {
    promise = loaders[locale as Exclude<UiLocale, typeof sourceLocale>]().then((mod) => {
      templates.set(locale, mod.templates);
    });
    promise.catch(() => loading.delete(locale)); // let a later render try again
    loading.set(locale, promise);
  }
  return promise;
}

/** Run `render` with `msg()` answering in `locale` (which must be loaded). */
export function withLocale<T>(locale: UiLocale, render: () => T): T {
  const previous = current;
  current = locale;
  try {
    return render();
  } finally {
    current = previous;
  }
}
