/**
 * The iframe mode (`embed.html?widget=…&src=…&lang=…`): one widget alone on a page, for CMSs
 * that do not allow scripts. It tells the page around it how tall it is (see resize.ts);
 * the height is no secret, and the parent checks where the message comes from.
 */
import '../loader.js';
import { configFromParams, createWidget } from './config.js';

export const RESIZE_MESSAGE = 'mi-widgets:resize';

function show(): void {
  const main = document.querySelector('main') ?? document.body;
  try {
    const config = configFromParams(new URLSearchParams(location.search));
    if (config.lang) document.documentElement.lang = config.lang;
    main.append(createWidget(config));
  } catch (error) {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = `Migration Info Widgets: ${(error as Error).message}`;
    main.append(p);
  }
}

function reportHeight(): void {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: RESIZE_MESSAGE, height }, '*');
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}

show();
reportHeight();
