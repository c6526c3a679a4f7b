/**
 * The one way widgets fire events: bubbling, composed (they cross shadow roots to reach the
 * partner's listeners), named `mi-…`, with payloads typed in `GlobalEventHandlersEventMap`.
 * Fire them for what a visitor did, never for a property a script set.
 */
type MiEventName = Extract<keyof GlobalEventHandlersEventMap, `mi-${string}`>;
type DetailOf<K extends MiEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

export function emit<K extends MiEventName>(
  target: EventTarget,
  name: K,
  detail: DetailOf<K>,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }),
  );
}
