/**
 * Where the widgets' links open. On a partner's page, where the visitor is: a news title or a
 * call to action opens like any link of the page. In the iframe mode (dist/embed.html) the
 * widget is alone in a small frame, and an article opened there would load inside it: that page
 * says `<meta name="mi-widgets:links" content="new-tab">`, and every link the widgets render —
 * feed HTML included — opens in a new tab, `rel="noopener"`. Any page can ask for the same.
 */
let newTab: boolean | undefined;

/** Do the widgets' links open in a new tab on this page? (Read once: the page's `<meta>`.) */
export function linksOpenInNewTab(): boolean {
  newTab ??=
    document.querySelector('meta[name="mi-widgets:links"]')?.getAttribute('content')?.trim() ===
    'new-tab';
  return newTab;
}

/** `target` for a link the widgets render: `_blank` where links open in a new tab. */
export const linkTarget = (): '_blank' | undefined => (linksOpenInNewTab() ? '_blank' : undefined);
