// The theme builder, for designers and webmasters: pick a brand colour (and, if you like, the
// text, background and surface), watch the four widgets in the light and the dark theme, check
// every pair's WCAG 2 contrast (a failing pair offers its nearest passing shade), and copy the
// CSS block. Shown in Storybook (stories/theme-builder.stories.ts) and in the snippet
// configurator (demo/configurator.ts); the maths is in src/tokens/.
import { html, nothing, render } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { formatRatio, normalizeHex } from '../src/tokens/contrast.js';
import {
  MODES,
  checkPalette,
  darkPrimaryFor,
  defaultTheme,
  themeCss,
  type Check,
  type Mode,
  type Theme,
  type ThemeColor,
} from '../src/tokens/theme.js';
import { WIDGETS, type WidgetName } from '../src/generated/widgets.js';
import '../src/news-feed/mi-news-feed.js';
import '../src/quiz/mi-quiz.js';
import '../src/campaign-banner/mi-campaign-banner.js';
import '../src/hub-locator/mi-hub-locator.js';

export interface ThemeBuilderOptions {
  /** The feed the preview's widgets show. */
  feed: string;
  /** Called with the CSS block each time the theme changes. */
  onChange?: (css: string) => void;
}

export interface ThemeBuilder {
  readonly theme: Theme;
  /** The CSS block for the page (empty while the theme is the default one). */
  readonly css: string;
}

/** The colours the designer picks; the others change only through a contrast suggestion. */
const PICKED: readonly ThemeColor[] = ['primary', 'text', 'background', 'surface'];
const NAMES: Record<ThemeColor, string> = {
  primary: 'Primary',
  text: 'Text',
  background: 'Background',
  surface: 'Surface',
  muted: 'Muted text',
  'on-primary': 'Text on primary',
  error: 'Error',
};
const MODE_NAMES: Record<Mode, string> = { light: 'Light theme', dark: 'Dark theme' };

/** The preview's scope: the builder's CSS block, limited to the widgets inside it. */
const SCOPE = '.mi-tb-preview';

const STYLES = `
.mi-tb { font: 1rem/1.5 system-ui, sans-serif; color: #1a1a1a; }
.mi-tb fieldset { border: 1px solid #c9ced6; border-radius: 8px; margin: 0 0 1rem; padding: 0.75rem 1rem; }
.mi-tb legend { font-weight: 600; padding: 0 0.25rem; }
.mi-tb-modes { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
.mi-tb-field { display: grid; grid-template-columns: 9rem 3rem 7rem; gap: 0.5rem; align-items: center; margin: 0.4rem 0; }
.mi-tb-field input[type='color'] { width: 3rem; height: 2.25rem; padding: 0; border: 1px solid #565b63; }
.mi-tb-field input[type='text'] { font: inherit; font-family: ui-monospace, monospace; width: 7rem; padding: 0.3rem; }
.mi-tb-field input[aria-invalid='true'] { outline: 2px solid #a4161a; }
.mi-tb-note { font-size: 0.875rem; color: #565b63; margin: 0.25rem 0 0.5rem; }
.mi-tb-error { color: #a4161a; font-size: 0.875rem; margin: 0; grid-column: 1 / -1; }
.mi-tb table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
.mi-tb caption { text-align: start; font-weight: 600; margin-bottom: 0.25rem; }
.mi-tb th, .mi-tb td { text-align: start; padding: 0.3rem 0.4rem; border-bottom: 1px solid #c9ced6; vertical-align: top; }
.mi-tb .mi-tb-fail { background: #fdeeee; }
.mi-tb .mi-tb-fail .mi-tb-status { color: #a4161a; font-weight: 600; }
.mi-tb .mi-tb-ok .mi-tb-status { color: #1b6b3a; }
.mi-tb-swatch { display: inline-block; width: 1em; height: 1em; border: 1px solid #565b63; vertical-align: -0.15em; margin-inline-end: 0.3em; }
.mi-tb button { font: inherit; cursor: pointer; min-height: 2.25rem; padding: 0.25rem 0.75rem; border: 1px solid #0b5cad; border-radius: 6px; background: #fff; color: #0b5cad; }
.mi-tb button:focus-visible, .mi-tb input:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
.mi-tb-preview { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; margin: 1rem 0; }
.mi-tb-preview > section { padding: 0.75rem; border-radius: 8px; display: grid; gap: 1rem; align-content: start; }
.mi-tb-preview > section.dark { background: #0e0f12; color: #f1f3f5; }
.mi-tb-preview > section.light { background: #e9ecef; }
.mi-tb-preview h3 { margin: 0; font-size: 1rem; }
.mi-tb-controls > label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.mi-tb textarea { width: 100%; font-family: ui-monospace, monospace; font-size: 0.85rem; box-sizing: border-box; }
`;

/** Mounts the theme builder in `host` (its own markup, styles and the preview's CSS). */
export function mountThemeBuilder(host: HTMLElement, options: ThemeBuilderOptions): ThemeBuilder {
  const defaults = defaultTheme();
  const theme = defaultTheme();
  /** Whether the designer set the dark primary (else it follows the brand colour). */
  let darkPrimarySet = false;
  /** Hex fields whose text is not (yet) a colour: `mode-color` → the text typed. */
  const typing = new Map<string, string>();
  let copied = '';
  let css = '';

  const styles = document.createElement('style');
  styles.textContent = STYLES;
  const previewStyles = document.createElement('style');
  const root = document.createElement('div');
  root.className = 'mi-tb';
  host.append(styles, previewStyles, root);

  /** The dark primary, unless set by hand: the default one for the default brand colour. */
  function derive(): void {
    if (darkPrimarySet) return;
    theme.dark.primary =
      theme.light.primary === defaults.light.primary
        ? defaults.dark.primary
        : darkPrimaryFor(theme.light.primary, theme.dark);
  }

  function set(mode: Mode, color: ThemeColor, value: string): void {
    theme[mode][color] = value;
    if (mode === 'dark' && color === 'primary') darkPrimarySet = true;
    derive();
    copied = '';
    update();
  }

  function onText(mode: Mode, color: ThemeColor, text: string): void {
    const hex = normalizeHex(text);
    if (hex) {
      typing.delete(`${mode}-${color}`);
      set(mode, color, hex);
    } else {
      typing.set(`${mode}-${color}`, text);
      update();
    }
  }

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(css);
      copied = 'Copied. Paste it into your page’s stylesheet.';
    } catch {
      root.querySelector<HTMLTextAreaElement>('#mi-tb-css')?.select();
      copied = 'Select the text and copy it with Ctrl+C (Cmd+C on a Mac).';
    }
    update();
  }

  const field = (mode: Mode, color: ThemeColor) => {
    const id = `mi-tb-${mode}-${color}`;
    const typed = typing.get(`${mode}-${color}`);
    const label = mode === 'light' && color === 'primary' ? 'Brand colour (primary)' : NAMES[color];
    return html`<div class="mi-tb-field">
      <label for=${id}>${label}</label>
      <input
        type="color"
        aria-label=${`${label}, ${MODE_NAMES[mode].toLowerCase()}: colour picker`}
        .value=${theme[mode][color]}
        @input=${(e: Event) => onText(mode, color, (e.target as HTMLInputElement).value)}
      />
      <input
        type="text"
        id=${id}
        spellcheck="false"
        autocomplete="off"
        aria-invalid=${typed === undefined ? 'false' : 'true'}
        aria-describedby=${typed === undefined ? nothing : `${id}-error`}
        .value=${typed ?? theme[mode][color]}
        @input=${(e: Event) => onText(mode, color, (e.target as HTMLInputElement).value)}
      />
      ${
        typed === undefined
          ? nothing
          : html`<p class="mi-tb-error" id=${`${id}-error`}>
              Enter a colour as #rrggbb (or #rgb).
            </p>`
      }
    </div>`;
  };

  const swatch = (color: string) =>
    html`<span class="mi-tb-swatch" style=${styleMap({ background: color })}></span>`;

  const check = (mode: Mode, c: Check) =>
    html`<tr class=${c.ok ? 'mi-tb-ok' : 'mi-tb-fail'}>
      <th scope="row">${swatch(theme[mode][c.fg])}${swatch(theme[mode][c.bg])}${c.label}</th>
      <td>${formatRatio(c.ratio)}</td>
      <td>
        <span class="mi-tb-status"
          >${
            c.ok
              ? html`<span aria-hidden="true">✓ </span>Passes AA`
              : html`<span aria-hidden="true">✗ </span>Fails AA: needs ${formatRatio(c.min)}`
          }</span
        >
        ${
          c.suggestion
            ? html`<br /><button
                  type="button"
                  @click=${() => set(mode, c.fg, c.suggestion!)}
                  aria-label=${`Use ${c.suggestion} for ${NAMES[c.fg].toLowerCase()} (${MODE_NAMES[mode].toLowerCase()})`}
                >
                  ${swatch(c.suggestion)}Use ${c.suggestion}
                </button>`
            : nothing
        }
      </td>
    </tr>`;

  const modeControls = (mode: Mode) => {
    const checks = checkPalette(theme[mode]);
    const failing = checks.filter((c) => !c.ok).length;
    return html`<fieldset>
      <legend>${MODE_NAMES[mode]}</legend>
      ${PICKED.map((color) => field(mode, color))}
      ${
        mode === 'dark'
          ? html`<p class="mi-tb-note">
              ${
                darkPrimarySet
                  ? html`Primary set by hand.
                      <button
                        type="button"
                        @click=${() => {
                          darkPrimarySet = false;
                          derive();
                          update();
                        }}
                      >
                        Derive it from the brand colour
                      </button>`
                  : 'Primary derived from the brand colour: its nearest shade that reads on the dark background and surface.'
              }
            </p>`
          : nothing
      }
      <table>
        <caption>
          Contrast (WCAG 2), ${MODE_NAMES[mode].toLowerCase()}:
          ${failing ? `${failing} pair${failing > 1 ? 's' : ''} below AA` : 'every pair passes AA'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Pair</th>
            <th scope="col">Ratio</th>
            <th scope="col">AA</th>
          </tr>
        </thead>
        <tbody>
          ${checks.map((c) => check(mode, c))}
        </tbody>
      </table>
    </fieldset>`;
  };

  /** Each preview widget's region is named by its theme: "Migration news, dark theme". */
  const labelled = (widget: WidgetName, mode: Mode) =>
    `${WIDGETS[widget].title}, ${MODE_NAMES[mode].toLowerCase()}`;

  const widgets = (mode: Mode) =>
    html`<section class=${mode} aria-label=${`Preview, ${MODE_NAMES[mode].toLowerCase()}`}>
      <h3>${MODE_NAMES[mode]}</h3>
      <mi-campaign-banner
        src=${options.feed}
        theme=${mode}
        layout="card"
        label=${labelled('campaign-banner', mode)}
      ></mi-campaign-banner>
      <mi-news-feed
        src=${options.feed}
        theme=${mode}
        limit="2"
        label=${labelled('news-feed', mode)}
      ></mi-news-feed>
      <mi-quiz src=${options.feed} theme=${mode} label=${labelled('quiz', mode)}></mi-quiz>
      <mi-hub-locator
        src=${options.feed}
        theme=${mode}
        label=${labelled('hub-locator', mode)}
      ></mi-hub-locator>
    </section>`;

  function update(): void {
    css = themeCss(theme);
    previewStyles.textContent = themeCss(theme, SCOPE);
    render(
      html`<div class="mi-tb-controls">
          <div class="mi-tb-modes">${MODES.map(modeControls)}</div>
          <label for="mi-tb-css">CSS for your page (light, dark, and auto in a dark system)</label>
          <textarea
            id="mi-tb-css"
            readonly
            rows="10"
            .value=${css || '/* The widgets’ own colours: nothing to add. */'}
          ></textarea>
          <button type="button" @click=${copy}>Copy CSS</button>
          <p role="status">${copied}</p>
        </div>
        <div class=${SCOPE.slice(1)}>${MODES.map(widgets)}</div>`,
      root,
    );
    options.onChange?.(css);
  }

  update();
  return {
    get theme() {
      return theme;
    },
    get css() {
      return css;
    },
  };
}
