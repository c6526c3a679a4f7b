/**
 * Feed HTML goes through DOMPurify before it reaches the DOM. Loaded lazily: most feeds carry
 * plain-text summaries and never pay for it.
 */
import DOMPurify from 'dompurify';
import { safeUrl } from '../feed/text.js';
import { linksOpenInNewTab } from './links.js';

const purify = DOMPurify(window);

/**
 * Under a page's Trusted Types enforcement DOMPurify needs a policy; ours is named so a partner
 * can allow it (`trusted-types mi-widgets mi-widgets-dompurify`) apart from any DOMPurify of theirs.
 * Its identity function is safe only because it is handed to DOMPurify, which sanitizes first.
 */
const policy = (() => {
  const factory = (
    window as Window & { trustedTypes?: { createPolicy: (name: string, rules: object) => object } }
  ).trustedTypes;
  try {
    return factory?.createPolicy('mi-widgets-dompurify', {
      createHTML: (html: string) => html,
      createScriptURL: (url: string) => url,
    });
  } catch {
    return undefined; // not allowed by the page: sanitizing still works where Trusted Types are not enforced
  }
})();
const URL_ATTRIBUTES = [
  'href',
  'src',
  'xlink:href',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
];
let base = document.baseURI;

function absolute(value: string): string | undefined {
  try {
    return safeUrl(new URL(value, base).href);
  } catch {
    return undefined;
  }
}

// Only http(s) URLs survive in URL attributes, made absolute against the feed's address.
purify.addHook('afterSanitizeAttributes', (node) => {
  node.removeAttribute('srcset');
  for (const name of URL_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    const url = absolute(value);
    if (url) node.setAttribute(name, url);
    else node.removeAttribute(name);
  }
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('rel', 'noopener noreferrer');
    if (linksOpenInNewTab()) node.setAttribute('target', '_blank'); // the iframe mode
  }
  if (node.tagName === 'IMG') {
    node.setAttribute('loading', 'lazy');
    node.setAttribute('referrerpolicy', 'no-referrer'); // the partner's page is nobody's business
    if (!node.hasAttribute('alt')) node.setAttribute('alt', ''); // no description given: decorative
  }
});

/**
 * What feed HTML may hold: text and its structure, links, images, lists, tables, quotes — all
 * of which stay inside the widget's box. Everything else goes, by an allowlist rather than a
 * blocklist: no script, event handler, style (attribute or element: a strict CSP reports them),
 * form, input, button, embed, SVG or MathML, and nothing that can leave the box — no
 * `<dialog>` (a compromised feed could open one in the top layer, over the partner's page), no
 * `popover`, `class`, `id` or `target`.
 */
const ALLOWED_TAGS = [
  ...['p', 'br', 'hr', 'div', 'span', 'blockquote', 'q', 'cite', 'pre', 'code'],
  ...['h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'mark', 'small'],
  ...['sub', 'sup', 'abbr', 'time', 'a', 'img', 'figure', 'figcaption'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
];
const ALLOWED_ATTR = [
  ...['href', 'src', 'alt', 'title', 'width', 'height', 'lang', 'dir', 'datetime', 'cite'],
  ...['colspan', 'rowspan', 'scope', 'start', 'reversed'],
];

/**
 * What can carry an inline style, read left to right as the HTML tokenizer does: a comment
 * (left alone), a `<style>` element with its text (to its end tag or the end of the input), or
 * a start tag (its quoted values may hold `>` or `<style>`).
 */
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<style(?=[\s/>])[\s\S]*?(?:<\/style\s*>|$)|<[a-z][^\s/>]*(?:"[^"]*"|'[^']*'|[^'">])*>?/gi;
/** An attribute of a start tag, with its value if it has one: `style` is the one to drop. */
const ATTRIBUTE = /([\s/]+)([^\s/>"'=][^\s/>=]*)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?/g;

/**
 * The markup without inline styles, before anything parses it. Parsing alone — DOMPurify's
 * `DOMParser`, or any document the page creates — makes a page with a strict CSP
 * (`style-src 'self'`) report each `style="…"` and `<style>` (measured in Chromium), though
 * DOMPurify then drops them. This is not the sanitizer (DOMPurify is): it only keeps the page's
 * CSP reports clean, and whatever it misses DOMPurify still removes.
 */
export function withoutInlineStyles(html: string): string {
  return html.replace(MARKUP, (token) => {
    if (token.startsWith('<!--')) return token;
    if (/^<style/i.test(token)) return '';
    const name = /^<[^\s/>]*/.exec(token)?.[0] ?? '';
    const attributes = token
      .slice(name.length)
      .replace(ATTRIBUTE, (attribute, space: string, key: string) =>
        key.toLowerCase() === 'style' ? space : attribute,
      );
    return name + attributes;
  });
}

/**
 * Sanitize feed HTML into a fragment (see {@link ALLOWED_TAGS}).
 * @param baseUrl the feed's URL, against which relative links resolve.
 */
export function sanitizeHtml(html: string, baseUrl: string): DocumentFragment {
  base = baseUrl;
  try {
    return purify.sanitize(withoutInlineStyles(html), {
      RETURN_DOM_FRAGMENT: true,
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ...(policy ? { TRUSTED_TYPES_POLICY: policy as never } : {}),
    });
  } finally {
    base = document.baseURI;
  }
}
