/**
 * The links of a hub's card: call, WhatsApp, directions in the visitor's maps app, a map link
 * to share. Built from validated numbers and the hub's coordinates, never from a feed URL.
 * Only the list's chunk needs them (not the feed reader's worker, unlike ./hubs.ts).
 */

/** `tel:` link of a validated E.164 number. */
export const telUrl = (e164: string) => `tel:${e164}`;
/** WhatsApp click-to-chat link of a validated E.164 number. */
export const whatsappUrl = (e164: string) => `https://wa.me/${e164.replace(/\D/g, '')}`;
/** Where directions open: the visitor's maps app, Google Maps or OpenStreetMap. */
export type MapsProvider = 'app' | 'google' | 'osm';

/**
 * The maps app of the visitor's platform, when links can open it: Android hands `geo:` links
 * to the app the visitor chose; iOS opens Apple Maps links in Maps. Elsewhere none.
 */
export function platformMapsApp(userAgent = navigator.userAgent): 'geo' | 'apple' | undefined {
  if (/Android/i.test(userAgent)) return 'geo';
  if (/iPhone|iPad|iPod/i.test(userAgent)) return 'apple';
  return undefined;
}

const at = (hub: { lat: number; lon: number }) => `${hub.lat.toFixed(6)},${hub.lon.toFixed(6)}`;

/**
 * A link with directions to the hub: `app` is the platform's maps app (a `geo:` link on
 * Android, Apple Maps on iOS; Google Maps where there is none), else Google Maps or
 * OpenStreetMap. Built from the hub's coordinates and name, never from a feed URL.
 */
export function directionsUrl(
  hub: { lat: number; lon: number },
  provider: MapsProvider = 'google',
  name = '',
  app = platformMapsApp(),
): string {
  const where = at(hub);
  if (provider === 'app' && app === 'geo') {
    const label = name ? `(${encodeURIComponent(name.replace(/[()]/g, ' ').trim())})` : '';
    return `geo:${where}?q=${where}${label}`;
  }
  if (provider === 'app' && app === 'apple') return `https://maps.apple.com/?daddr=${where}`;
  if (provider === 'osm')
    return `https://www.openstreetmap.org/directions?route=%3B${encodeURIComponent(where)}`;
  return `https://www.google.com/maps/dir/?api=1&destination=${where}`;
}

/** A link that shows the hub on a map, for a message: Google Maps, or OpenStreetMap. */
export function mapUrl(hub: { lat: number; lon: number }, provider: 'google' | 'osm'): string {
  const [lat, lon] = [hub.lat.toFixed(6), hub.lon.toFixed(6)];
  return provider === 'osm'
    ? `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`
    : `https://www.google.com/maps/search/?api=1&query=${lat},${lon}`;
}

/** A WhatsApp link that opens a new message with this text, for the visitor to send on. */
export const whatsappShareUrl = (text: string) => `https://wa.me/?text=${encodeURIComponent(text)}`;
