#!/usr/bin/env node
// Size budgets of the CDN build, gzipped: every byte costs a visitor on a slow phone.
// Fails (exit 1) when a file outgrows its budget, or a built file has no budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
/** [pattern, budget in gzipped bytes, what it is] */
const budgets = [
  // 1.9: it starts the feed reader's worker too (one 2 s round trip less on slow 3G), from a
  // CDN through a blob: module; takes over the feeds a fast-start snippet preloads; and defines
  // each tag a task after its code ran. 2: it tries twice more when a widget's code does not
  // arrive (issue 14); 2.55: then each element of the tag shows a message with Retry, in four
  // languages; 2.6: its work, the worker and the early fetch in tasks of their own (issue 12);
  // 2.7: it checks the browser for what the widgets need and leaves older browsers the page's
  // fallback content (issue 17: 2.66 KB).
  [/^mi-widgets\.js$/, 2.7 * KB, 'loader (the script tag)'],
  // 2 KB before it held the widget's box until its code had loaded (src/embed/reserve.ts);
  // 2.5 before it read the widget registry (src/generated/widgets.ts): each widget's attributes,
  // types and defaults, so that the URL takes every attribute of the widget and nothing else.
  [/^embed\.js$/, 2.75 * KB, 'iframe mode: the page’s script (loader included)'],
  [/^mi-embed-resize\.js$/, 1 * KB, 'iframe mode: optional resize script for the parent page'],
  [/^chunks\/lit-/, 8 * KB, 'Lit, shared by all widgets'],
  // The feed reader and valibot moved into the worker (issue 12): 10 KB before, 7.3 after;
  // 8 → 8.25 KB with the feed controller and the one module of cached Intl formatters (issue 13);
  // 8.5 with every numeric attribute checked, never NaN or Infinity; 8.75 with links that open in
  // a new tab in the iframe mode (issue 14); 9.25 with the queries of the hubs kept in the
  // reader's worker (issue 12); 9.35 with `label` and the language of each feed text, for its
  // `lang` (issue 16: 9.34 KB); 9.7 with the page's fallback content (the element's children)
  // in a slot from the upgrade until the widget is ready, and after an error, in the widget's
  // link colour (issue 17: 9.66 KB).
  [
    /^chunks\/shared-/,
    9.7 * KB,
    'base element, feed controller and client, Intl formatters, numeric attributes, localization',
  ],
  // 9 → 9.75 KB: it keeps the hubs and searches them (hub-store.ts, opening hours) (issue 12);
  // 10 with hubs' dated exceptions and temporary closures (issue 15); 10.25 with recordings
  // (news items' audio attachments, per-language recordings of statements and campaigns) and a
  // campaign's severity and dismissal days, and the quiz's pictures (alt text required) and
  // result messages by score band (issue 16).
  [
    /^assets\/parse-worker-/,
    10.5 * KB,
    'the feed reader, in its own worker: parses off the main thread, keeps and searches the hubs',
  ],
  // 8 → 8.25 KB (issue 16: 8.08 KB): the same reader, with recordings and campaign severity.
  [
    /^chunks\/parse-/,
    8.25 * KB,
    'the feed reader on the main thread, only where no worker can start',
  ],
  // 1.5 → 2.25 KB with a hub's opening status and distance (hubs.ts), which the page's hub
  // store shares with the hub locator (issue 12); 2.5 with dated exceptions (issue 15).
  [
    /^chunks\/forms-/,
    2.5 * KB,
    'how feed values are written (phones, countries, days), hub search texts, opening hours',
  ],
  [
    /^chunks\/hub-store-/,
    0.75 * KB,
    'the hubs searched on the page, only where no worker can start',
  ],
  [/^chunks\/report-/, 1 * KB, 'the console group on a feed’s problems, only when it has some'],
  // 4 → 4.35 KB (issue 16: 4.34): "Read more" on an item without a link (measured after render
  // and on resize), its title and summary in their language; 4.5 with the Listen button's row
  // beside the date (4.50).
  [/^chunks\/news-feed-/, 4.5 * KB, 'news feed'],
  [/^chunks\/quiz-/, 6 * KB, 'quiz (on top of the shared chunks)'],
  // 7 → 7.75 KB (issue 15): dated exceptions and closures on the card, the week's hours, a
  // language filter with the region's language names, the way out of an empty search.
  // 7.75 → 10.25 KB (issue 15): compact cards whose details open in place, what to know before
  // going, share (share sheet, copy, WhatsApp), directions in the visitor's maps app, report an
  // error, the list-first layout with its map toggle and the side-by-side panel (10.19 KB);
  // 10.3 with the language of each feed text on a card, for its `lang` (issue 16: 10.30 KB);
  // 10.4 with both merged and the phone layout's tighter controls (10.38 KB).
  [/^chunks\/hub-locator-/, 10.4 * KB, 'hub locator list (on top of the shared chunks)'],
  // The loader defines each tag a task after the widget's code has run (src/loader.ts).
  [
    /^chunks\/mi-(news-feed|quiz|hub-locator|campaign-banner)-/,
    0.25 * KB,
    'a widget’s tag definition, apart from its code',
  ],
  [/^chunks\/hub-map-/, 52 * KB, 'Leaflet + supercluster, only for <mi-hub-locator map>'],
  // 4 → 4.25 KB (issue 14): dismissals held for the page view without storage, view events
  // only for campaigns the network confirmed, calls to action in a new tab in the iframe mode.
  // 4.25 → 5.25 KB (issue 16: 5.20 KB): severity (marks, colours in both themes, urgent alone and
  // announced once per page), closing all of a rotating banner for a number of days, the pause
  // button that becomes Resume rotation with its icons, the hero's column for the close button;
  // 5.5 KB with the Listen button's place beside the call to action (5.39 KB).
  [/^chunks\/campaign-banner-/, 5.5 * KB, 'campaign banner (on top of the shared chunks)'],
  // Issue 16: its own chunk, loaded with the news feed, the quiz and the banner (not the hubs).
  [
    /^chunks\/listen-/,
    2 * KB,
    'Listen buttons: recordings and speech, one at a time on the page (news, quiz, banner)',
  ],
  [/^chunks\/sanitize-/, 13 * KB, 'DOMPurify, only for feeds with content_html'],
  [/^chunks\/(es|fr|pt)-/, 3 * KB, 'one interface translation (all widgets)'],
  [/^mi-widgets\.css$/, 1.5 * KB, 'the space each widget holds until the script has loaded'],
  [/^embed\.css$/, 0.5 * KB, 'iframe mode: the page’s stylesheet'],
];

const dist = 'dist';
const files = (dir) =>
  readdirSync(join(dist, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : /\.(js|css)$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );

let failed = false;
const rows = files('').map((file) => {
  const gz = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  const budget = budgets.find(([re]) => re.test(file));
  const ok = budget ? gz <= budget[1] : false;
  if (!ok) failed = true;
  return {
    file,
    'gzip KB': (gz / KB).toFixed(2),
    'budget KB': budget ? (budget[1] / KB).toFixed(2) : 'none',
    ok: ok ? 'yes' : 'NO',
    what: budget?.[2] ?? 'no budget: add one to scripts/size.js',
  };
});
console.table(rows);
if (failed) {
  console.error('size: over budget (or unbudgeted) — see the table above');
  process.exit(1);
}
