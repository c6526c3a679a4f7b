// Keystroke → next frame: from a real key press (CDP Input.dispatchKeyEvent, through
// page.keyboard) to the first frame painted after the search box's update — the delay a
// visitor sees between pressing a key and the list changing on screen, as Interaction to
// Next Paint counts it. Measured in the page:
//   start: the keydown event's timestamp (when the browser received the key, so the time the
//          event waited behind other work counts too);
//   end:   once the list shows the answer — at once for the plain page, which filters in its
//          listener; for the widget, whose hubs are searched in the reader's worker, when its
//          results stop being `aria-busy` — the next requestAnimationFrame callback, then a
//          MessageChannel message, which runs after that frame's style, layout and paint. That
//          frame shows a new list's first cards (the rest of the page follows in the next task,
//          in both).

/** In-page: install the timer. `widget`: the selector of a Lit element to await, if any. */
function install(widget) {
  const host = widget ? document.querySelector(widget) : null;
  const input = host
    ? host.shadowRoot.querySelector('input[type="search"]')
    : document.querySelector('input[type="search"]');
  const updated = () => (host ? host.updateComplete : Promise.resolve());
  const afterNextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(null);
      }),
    );
  const timer = (window.__keys = { samples: [], down: null, done: null });
  addEventListener(
    'keydown',
    (event) => {
      const now = performance.now();
      timer.down = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
    },
    true,
  );
  /** For the widget: until its results show the answer to what was typed (not `aria-busy`). */
  const answered = () =>
    new Promise((resolve) => {
      const results = host?.shadowRoot.querySelector('.results');
      if (!results) return resolve();
      const watch = new MutationObserver(() => {
        if (results.getAttribute('aria-busy') !== 'false') return;
        watch.disconnect();
        resolve();
      });
      watch.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
    });
  addEventListener('input', async () => {
    const down = timer.down;
    if (down === null) return; // not from a key: the harness clearing the box
    timer.down = null;
    await answered();
    await afterNextPaint();
    timer.samples.push(performance.now() - down);
    timer.done?.();
  });
  /** Before a key: a promise for its sample. */
  timer.expect = () => {
    timer.next = new Promise((resolve) => (timer.done = resolve));
  };
  /** Empty the box (not timed) and give it focus. */
  timer.clear = async () => {
    input.focus();
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await updated();
    await afterNextPaint();
  };
  /** What the list shows: "Centros encontrados: N" and the first card's text. */
  timer.shown = () => {
    const root = host ? host.shadowRoot : document;
    const text = (node) => (node?.innerText ?? '').replace(/\s+/g, ' ').trim();
    return { count: text(root.querySelector('.count')), first: text(root.querySelector('.hub')) };
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Install the timer in the page; `widget` as for {@link install}. */
export function installKeystrokeTimer(page, widget = '') {
  return page.evaluate(install, widget);
}

/**
 * Type `query` one key at a time, `rounds` times (the box emptied before each round), waiting
 * for each key's frame and then `pauseMs` (a quick typist's rhythm) before the next.
 * Resolves to the samples of this call, in ms.
 */
export async function typeTimed(page, { query, rounds, pauseMs = 100 }) {
  const before = await page.evaluate(() => window.__keys.samples.length);
  for (let round = 0; round < rounds; round++) {
    await page.evaluate(() => window.__keys.clear());
    await sleep(pauseMs);
    for (const key of query) {
      await page.evaluate(() => window.__keys.expect());
      await page.keyboard.type(key);
      await page.evaluate(() => window.__keys.next);
      await sleep(pauseMs);
    }
  }
  return page.evaluate((from) => window.__keys.samples.slice(from), before);
}

/** What the list shows now (to check that widget and baseline found the same). */
export function shownList(page) {
  return page.evaluate(() => window.__keys.shown());
}
