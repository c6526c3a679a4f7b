// The plain-DOM baseline of <mi-hub-locator>, loaded by the benchmark's page in the browser:
// what a careful hand-written page does with the same feed — fetch, index for search, the same
// controls, and for the first 20 hubs found the same compact card the widget renders (name
// heading, opening status, Directions, a Details button), with
// the same Spanish texts and the same `Intl` names, rebuilt on every keystroke with
// createElement. No framework, no validation of the feed, no shadow DOM. Like the widget, it
// draws a new list's first 4 cards at once and the rest after that frame, and lets the browser
// skip laying out cards below the screen (content-visibility).
// Renders into <plain-hubs src="…">, then sets its `state` attribute to "ready" as the widget does.

const PAGE = 20;
const FIRST_CARDS = 4;
const SERVICE_NAMES = {
  information: 'Información',
  legal: 'Asesoría legal',
  psychosocial: 'Apoyo psicosocial',
  health: 'Salud',
  shelter: 'Albergue',
  documentation: 'Documentación',
};
const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const WEEKDAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** The widget's card styles (src/hub-locator/hub-locator.styles.ts, src/shared/styles.ts), for the same layout work. */
const CSS = `
plain-hubs { display: block; }
plain-hubs .base { box-sizing: border-box; font-size: 16px; line-height: 1.5; background: #fff; color: #1a1a1a;
  border-radius: 8px; padding: 16px; overflow-wrap: break-word; }
plain-hubs *, plain-hubs *::before, plain-hubs *::after { box-sizing: border-box; }
plain-hubs .controls { display: flex; flex-wrap: wrap; gap: 0.75em 16px; align-items: flex-end; margin-bottom: 16px; }
plain-hubs .field { display: grid; gap: 0.25em; flex: 1 1 10em; }
plain-hubs .field.search { flex: 2 1 14em; }
plain-hubs label { font-weight: 600; font-size: 0.9375em; }
plain-hubs input[type='search'], plain-hubs select { font: inherit; min-height: 44px; width: 100%; padding: 0.4em 0.6em;
  border: 1px solid #565b63; border-radius: 8px; background: #fff; color: #1a1a1a; }
plain-hubs .toggles { display: flex; flex-wrap: wrap; gap: 0.75em; align-items: center; }
plain-hubs .check { display: inline-flex; gap: 0.4em; align-items: center; min-height: 44px; font-weight: normal; }
plain-hubs button { font: inherit; min-height: 44px; padding: 0.5em 1em; border-radius: 8px; }
plain-hubs .count { margin: 0 0 0.75em; color: #565b63; }
plain-hubs .list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75em; }
plain-hubs .hub { padding: 0.75em 16px; border: 1px solid #c9ced6; border-radius: 8px; background: #f4f6f8;
  content-visibility: auto; contain-intrinsic-block-size: auto 9em; }
plain-hubs .primary { display: flex; flex-wrap: wrap; align-items: center; gap: 0 1.25em; }
plain-hubs .hub p { margin: 0 0 0.25em; }
plain-hubs .name { margin: 0 0 0.125em; font-size: 1.125em; font-weight: 700; line-height: 1.3; }
plain-hubs button.link { min-height: 0; padding: 0; border: 0; background: none; color: #0b5cad; font-weight: 700;
  text-align: start; text-decoration: underline; }
plain-hubs .org, plain-hubs .place, plain-hubs .languages, plain-hubs .notes, plain-hubs .muted { color: #565b63; }
plain-hubs .status .open { color: #1b6b3a; }
plain-hubs .chips { display: flex; flex-wrap: wrap; gap: 0.35em; list-style: none; margin: 0.25em 0 0.5em; padding: 0; }
plain-hubs .chips li { padding: 0.1em 0.6em; border: 1px solid #c9ced6; border-radius: 999px; font-size: 0.875em; background: #fff; }
plain-hubs .actions { display: flex; flex-wrap: wrap; gap: 0.25em 1em; }
plain-hubs .action { display: inline-flex; align-items: center; min-height: 44px; font-weight: 600; color: #0b5cad; }
plain-hubs .more { display: flex; justify-content: center; margin-top: 16px; }
`;

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
const regions = new Intl.DisplayNames(['es', 'en'], { type: 'region', fallback: 'code' });
const weekday = new Intl.DateTimeFormat('es', { weekday: 'short', timeZone: 'UTC' });

/** `tag.class` with text and attributes: the whole of this page's templating. */
function el(tag, className, text, attributes = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

// --- Opening status, as src/hub-locator/hubs.ts computes it -----------------------------------

const minutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clocks = new Map();
let memo = { at: NaN, times: new Map() };

function localTime(now, timeZone = '') {
  if (memo.at !== now.getTime()) memo = { at: now.getTime(), times: new Map() };
  let time = memo.times.get(timeZone);
  if (time) return time;
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone || undefined,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(timeZone, clock);
  }
  const parts = Object.fromEntries(clock.formatToParts(now).map((p) => [p.type, p.value]));
  time = { day: WEEKDAYS[parts.weekday], minute: Number(parts.hour) * 60 + Number(parts.minute) };
  memo.times.set(timeZone, time);
  return time;
}

function openingStatus(hub, now) {
  const hours = hub.opening_hours;
  if (!hours?.length) return undefined;
  const { day, minute } = localTime(now, hub.timezone);
  const on = (d) => hours.filter((h) => h.days.includes(DAYS[(d + 7) % 7]));
  const today = on(day);
  const open =
    today.some((h) => {
      const [o, c] = [minutes(h.opens), minutes(h.closes)];
      return c > o ? minute >= o && minute < c : minute >= o;
    }) ||
    on(day - 1).some((h) => minutes(h.closes) <= minutes(h.opens) && minute < minutes(h.closes));
  let next;
  if (!open) {
    for (let ahead = 0; ahead < 8 && !next; ahead++) {
      const opens = on(day + ahead)
        .map((h) => h.opens)
        .filter((t) => ahead > 0 || minutes(t) > minute)
        .sort()[0];
      if (opens) next = { day: (day + ahead) % 7, today: ahead === 0, time: opens };
    }
  }
  return { open, today: today.map((h) => `${h.opens}–${h.closes}`).sort(), next };
}

// --- The card ----------------------------------------------------------------------------------

function statusLine(hub) {
  const status = openingStatus(hub, new Date());
  if (!status) return el('p', 'status muted', 'Horario no indicado');
  const hours = status.today.length ? `Hoy ${status.today.join(', ')}` : 'Cerrado hoy';
  const label = status.open
    ? 'Abierto ahora'
    : !status.next
      ? 'Cerrado'
      : status.next.today
        ? `Cerrado · abre a las ${status.next.time}`
        : `Cerrado · abre ${weekday.format(Date.UTC(2024, 0, 1 + status.next.day))} ${status.next.time}`;
  const p = el('p', 'status');
  p.append(
    el('strong', status.open ? 'open' : 'closed', label),
    ' ',
    el('span', 'muted', `· ${hours}`),
  );
  return p;
}

function link(text, href, label, external) {
  const a = el('a', 'action', text, { href, ...(label ? { 'aria-label': label } : {}) });
  if (external) Object.assign(a, { rel: 'noopener noreferrer', target: '_blank' });
  return a;
}

function card(hub, select) {
  // The widget's compact card: name (a heading), today's status, Directions and a Details
  // button; the details are drawn only when opened (this baseline's visitor only types).
  const li = el('li', 'hub', undefined, { 'data-hub': hub.id, tabindex: '-1' });
  li.append(el('div', 'name', hub.name, { role: 'heading', 'aria-level': '3' }), statusLine(hub));
  const primary = el('div', 'primary');
  primary.append(
    link(
      'Cómo llegar',
      `https://www.google.com/maps/dir/?api=1&destination=${hub.lat.toFixed(6)},${hub.lon.toFixed(6)}`,
      `Cómo llegar a ${hub.name}`,
      true,
    ),
  );
  const details = el('button', 'link', 'Detalles', {
    type: 'button',
    'aria-expanded': 'false',
    'aria-label': `Detalles de ${hub.name}`,
  });
  details.addEventListener('click', () => select(hub.id));
  primary.append(details);
  li.append(primary);
  return li;
}

// --- The page ----------------------------------------------------------------------------------

function field(label, control, extra = '') {
  const div = el('div', `field ${extra}`);
  div.append(el('label', '', label, { for: control.id }), control);
  return div;
}

function selectOf(id, all, options) {
  const select = el('select', '', undefined, { id });
  select.append(el('option', '', all, { value: '' }));
  select.append(
    ...options
      .map(([value, text]) => ({ value, text }))
      .sort((a, b) => a.text.localeCompare(b.text, 'es'))
      .map(({ value, text }) => el('option', '', text, { value })),
  );
  return select;
}

async function main(host) {
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);

  const feed = await (await fetch(host.getAttribute('src'))).json();
  const hubs = feed.features.map((f) => ({
    ...f.properties,
    id: String(f.id),
    lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
  }));
  const index = hubs.map((hub) => ({
    hub,
    text: fold([hub.name, hub.organization, hub.locality, hub.address].filter(Boolean).join(' ')),
  }));
  const countries = [...new Set(hubs.flatMap((h) => h.country ?? []))];
  const services = [...new Set(hubs.flatMap((h) => h.services ?? []))];

  const state = { query: '', country: '', service: '', shown: PAGE, selected: '' };
  const search = el('input', '', undefined, { id: 'q', type: 'search', autocomplete: 'off' });
  const country = selectOf(
    'country',
    'Todos los países',
    countries.map((c) => [c, regions.of(c)]),
  );
  const service = selectOf(
    'service',
    'Todos los servicios',
    services.map((s) => [s, SERVICE_NAMES[s] ?? s]),
  );
  const openNow = el('label', 'check');
  openNow.append(el('input', '', undefined, { type: 'checkbox' }), 'Abierto ahora');
  const toggles = el('div', 'toggles');
  toggles.append(openNow, el('button', 'secondary', 'Cerca de mí', { type: 'button' }));
  const form = el('form', 'controls', undefined, { role: 'search' });
  form.append(
    field('Buscar por nombre o lugar', search, 'search'),
    field('País', country),
    field('Servicio', service),
    toggles,
  );
  form.addEventListener('submit', (e) => e.preventDefault());

  const count = el('p', 'count', undefined, { role: 'status' });
  const list = el('ul', 'list', undefined, { role: 'list' });
  const more = el('div', 'more');
  const moreButton = el('button', '', 'Mostrar más centros', { type: 'button' });
  more.append(moreButton);
  const results = el('div', 'results');
  results.append(count, list, more);
  const layout = el('div', 'layout');
  layout.append(results);
  const base = el('section', 'base', undefined, {
    'aria-label': 'Centros de información',
    lang: 'es',
  });
  base.append(form, layout);

  const select = (id) => (state.selected = id);
  const render = (whole) => {
    const words = fold(state.query).split(/\s+/).filter(Boolean);
    const found = index.filter(
      ({ hub, text }) =>
        (!state.country || hub.country === state.country) &&
        (!state.service || (hub.services ?? []).includes(state.service)) &&
        words.every((w) => text.includes(w)),
    );
    count.textContent = `Centros encontrados: ${found.length}`;
    const cards = (from, to) => found.slice(from, to).map(({ hub }) => card(hub, select));
    const mine = ++renders;
    if (whole) {
      list.replaceChildren(...cards(0, state.shown));
    } else {
      // A new list: its first cards now, the rest of the page after that frame.
      list.replaceChildren(...cards(0, Math.min(FIRST_CARDS, state.shown)));
      if (state.shown > FIRST_CARDS)
        requestAnimationFrame(() =>
          setTimeout(() => mine === renders && list.append(...cards(FIRST_CARDS, state.shown))),
        );
    }
    more.hidden = found.length <= state.shown;
  };
  let renders = 0;
  search.addEventListener('input', () => {
    state.query = search.value;
    state.shown = PAGE;
    render(false);
  });
  country.addEventListener('change', () => ((state.country = country.value), render(false)));
  service.addEventListener('change', () => ((state.service = service.value), render(false)));
  moreButton.addEventListener('click', () => ((state.shown += PAGE), render(true)));

  render(false);
  host.replaceChildren(base);
  host.setAttribute('state', 'ready');
}

for (const host of document.querySelectorAll('plain-hubs')) main(host);
