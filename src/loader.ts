/**
 * The one-script-tag entry (`dist/mi-widgets.js`). It holds no widget code and no Lit: it
 * watches the page for the widgets' tags and loads each widget's chunk the first time its tag
 * appears — on the page at load, or inserted later by the host's own script.
 * Loading it twice, or beside another copy, is harmless: tags are defined once.
 */
const widgets: Record<string, () => Promise<unknown>> = {
  'mi-news-feed': () => import('./news-feed/mi-news-feed.js'),
  'mi-quiz': () => import('./quiz/mi-quiz.js'),
  'mi-hub-locator': () => import('./hub-locator/mi-hub-locator.js'),
  'mi-campaign-banner': () => import('./campaign-banner/mi-campaign-banner.js'),
};

const requested = new Map<string, Promise<void>>();

/** Load the code of these widgets now (for tags the loader cannot see, e.g. in a shadow root). */
export function loadWidgets(...tags: string[]): Promise<void[]> {
  return Promise.all(
    tags.map((tag) => {
      const load = widgets[tag];
      if (!load) return Promise.reject(new Error(`[mi-widgets] Unknown widget <${tag}>.`));
      let promise = requested.get(tag);
      if (!promise) {
        promise = load().then(
          () => undefined,
          (error: unknown) => {
            requested.delete(tag); // a later appearance of the tag tries again
            console.error(`[mi-widgets] Could not load <${tag}>.`, error);
          },
        );
        requested.set(tag, promise);
      }
      return promise;
    }),
  );
}

function scan(root: ParentNode): void {
  const found = Object.keys(widgets).filter(
    (tag) =>
      !requested.has(tag) &&
      !customElements.get(tag) &&
      ((root instanceof Element && root.localName === tag) || root.querySelector(tag)),
  );
  if (found.length) void loadWidgets(...found);
}

if (typeof window !== 'undefined' && typeof customElements !== 'undefined') {
  const observer = new MutationObserver((records) => {
    for (const record of records)
      record.addedNodes.forEach((node) => node instanceof Element && scan(node));
    if (Object.keys(widgets).every((tag) => requested.has(tag) || customElements.get(tag)))
      observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  scan(document);
}
