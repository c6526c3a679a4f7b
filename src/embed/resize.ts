/**
 * Optional script for the page around an iframe-mode widget: fits each
 * `<iframe data-mi-embed>` to its content's height. It believes a message only when it comes
 * from that iframe's own window and origin, and has the expected shape.
 */
const MESSAGE = 'mi-widgets:resize';
const MAX_HEIGHT = 20_000;

function frameOf(event: MessageEvent): HTMLIFrameElement | undefined {
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-mi-embed]')) {
    if (frame.contentWindow !== event.source) continue;
    try {
      if (new URL(frame.src, document.baseURI).origin === event.origin) return frame;
    } catch {
      // an iframe without a usable src is not ours
    }
  }
  return undefined;
}

if (!(window as Window & { miEmbedResize?: boolean }).miEmbedResize) {
  (window as Window & { miEmbedResize?: boolean }).miEmbedResize = true;
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: unknown; height?: unknown } | null;
    if (!data || data.type !== MESSAGE || typeof data.height !== 'number') return;
    if (!Number.isFinite(data.height) || data.height <= 0 || data.height > MAX_HEIGHT) return;
    const frame = frameOf(event);
    if (frame) frame.height = String(Math.ceil(data.height));
  });
}
