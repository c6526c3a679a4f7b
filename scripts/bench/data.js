// The generated feeds the benchmark loads: deterministic, so every run measures the same work.

const PLACES = [
  ['San Pedro Sula', 'HN', 'America/Tegucigalpa'],
  ['Petén', 'GT', 'America/Guatemala'],
  ['Tapachula', 'MX', 'America/Mexico_City'],
  ['San José', 'CR', 'America/Costa_Rica'],
  ['Santa Ana', 'SV', 'America/El_Salvador'],
  ['Quetzaltenango', 'GT', 'America/Guatemala'],
  ['Tijuana', 'MX', 'America/Tijuana'],
  ['Santo Domingo', 'DO', 'America/Santo_Domingo'],
  ['Cobán', 'GT', 'America/Guatemala'],
  ['La Ceiba', 'HN', 'America/Tegucigalpa'],
];
const SERVICES = ['information', 'legal', 'psychosocial', 'health', 'shelter', 'documentation'];
const WEEKDAYS = { days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '16:00' };
const SATURDAY = { days: ['sa'], opens: '09:00', closes: '12:00' };

/**
 * A GeoJSON FeatureCollection of `count` hubs, with every field a hub card shows filled in for
 * most hubs (address, phone, WhatsApp, website, e-mail, languages, notes, opening hours), so the
 * widget and the plain-DOM baseline render full cards.
 * `places`: the [locality, country, timezone] the hubs are in, taken in turn (hub i in
 * places[i % places.length]); only those three fields depend on it. By default ten places in
 * five countries of Central America and the Caribbean.
 */
export function manyHubs(count, { places = PLACES } = {}) {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: count }, (_, i) => {
      const [locality, country, timezone] = places[i % places.length];
      const phone = `+502${String(20_000_000 + i).padStart(8, '0')}`;
      return {
        type: 'Feature',
        id: `hub-${i}`,
        geometry: { type: 'Point', coordinates: [-118 + random() * 50, 8 + random() * 25] },
        properties: {
          name: `Hub ${i} ${locality}`,
          organization: `Organization ${i % 97}`,
          address: `Calle ${(i % 40) + 1} número ${i}`,
          locality,
          country,
          services: SERVICES.filter(() => random() < 0.4),
          languages: i % 3 ? ['es'] : ['es', 'en'],
          phone,
          ...(i % 2 ? {} : { whatsapp: phone }),
          ...(i % 3 ? {} : { url: `https://example.org/hubs/${i}` }),
          ...(i % 5 ? {} : { email: `hub${i}@example.org` }),
          ...(i % 7 ? {} : { notes: 'Bring an identity document if you have one.' }),
          timezone,
          opening_hours: i % 4 ? [WEEKDAYS] : [WEEKDAYS, SATURDAY],
        },
      };
    }),
  };
}

/** A JSON Feed of `count` news items (title, link, date, summary). */
export function manyItems(count) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Bench',
    language: 'en',
    items: Array.from({ length: count }, (_, i) => ({
      id: `item-${i}`,
      url: `https://example.org/news/${i}`,
      title: `News item ${i}: information hubs open in more municipalities`,
      summary: `Summary of item ${i}. Reliable information, guidance on procedures and referrals.`,
      content_text: `Full text of item ${i}.`,
      date_published: new Date(Date.UTC(2022, 0, 1) + i * 86_400_000).toISOString(),
    })),
  };
}
