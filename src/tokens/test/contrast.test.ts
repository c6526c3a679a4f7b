import { expect } from '@open-wc/testing';
import {
  contrast,
  formatRatio,
  fromHsl,
  luminance,
  nearestPassing,
  normalizeHex,
  toHsl,
} from '../contrast.js';
import {
  PAIRS,
  checkPalette,
  darkPrimaryFor,
  defaultTheme,
  themeCss,
  WIDGET_TAGS,
} from '../theme.js';

const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

describe('contrast', () => {
  it('gives the WCAG 2 ratios of known pairs', () => {
    expect(contrast('#000000', '#ffffff')).to.equal(21);
    expect(contrast('#fff', '#000')).to.equal(21);
    expect(contrast('#ffffff', '#ffffff')).to.equal(1);
    expect(formatRatio(contrast('#767676', '#ffffff'))).to.equal('4.54 : 1');
    expect(contrast('#777777', '#ffffff')).to.be.below(4.5);
    expect(contrast('#ff0000', '#ffffff')).to.be.closeTo(4.0, 0.01);
    expect(contrast('#0000ff', '#ffffff')).to.be.closeTo(8.59, 0.01);
    expect(luminance('#ffffff')).to.equal(1);
    expect(luminance('#000000')).to.equal(0);
  });

  it('reads #rgb and #rrggbb, with or without #, and nothing else', () => {
    expect(normalizeHex('#ABC')).to.equal('#aabbcc');
    expect(normalizeHex('0b5cad')).to.equal('#0b5cad');
    expect(normalizeHex(' #0B5CAD ')).to.equal('#0b5cad');
    for (const bad of ['', '#12', '#12345', 'red', '#gggggg', 'rgb(0,0,0)'])
      expect(normalizeHex(bad), bad).to.equal(undefined);
  });

  it('turns colours into HSL and back', () => {
    for (const hex of ['#0b5cad', '#ffcc00', '#7a2e0e', '#767676', '#ffffff', '#000000'])
      expect(fromHsl(...toHsl(hex))).to.equal(hex);
  });

  it('keeps every default pair of the widgets at AA in both themes', () => {
    const theme = defaultTheme();
    for (const palette of [theme.light, theme.dark])
      for (const check of checkPalette(palette)) expect(check.ok, check.label).to.equal(true);
    expect(checkPalette(theme.light)).to.have.length(PAIRS.length);
  });
});

describe('nearestPassing', () => {
  it('leaves a colour that passes as it is', () => {
    expect(nearestPassing('#767676', ['#ffffff'], 4.5)).to.equal('#767676');
  });

  it('finds the nearest shade of grey that passes on white', () => {
    expect(nearestPassing('#777777', ['#ffffff'], 4.5)).to.equal('#767676');
  });

  it('darkens a light brand colour just enough, keeping its hue and saturation', () => {
    const brand = '#ffcc00';
    const shade = nearestPassing(brand, ['#ffffff'], 4.5)!;
    expect(contrast(shade, '#ffffff')).to.be.at.least(4.5);
    const [h0, s0, l0] = toHsl(brand);
    const [h, s, l] = toHsl(shade);
    expect(hueDistance(h, h0)).to.be.below(2);
    expect(s).to.be.closeTo(s0, 0.02);
    expect(l).to.be.below(l0);
    // Nearest: a shade a little lighter fails.
    expect(contrast(fromHsl(h0, s0, l + 0.01), '#ffffff')).to.be.below(4.5);
  });

  it('lightens a colour that must read on a dark background and surface', () => {
    const { dark } = defaultTheme();
    const primary = darkPrimaryFor('#7a2e0e', dark);
    expect(contrast(primary, dark.background)).to.be.at.least(4.5);
    expect(contrast(primary, dark.surface)).to.be.at.least(4.5);
    expect(toHsl(primary)[2]).to.be.above(toHsl('#7a2e0e')[2]);
    expect(hueDistance(toHsl(primary)[0], toHsl('#7a2e0e')[0])).to.be.below(2);
  });

  it('says when no shade of a hue passes', () => {
    expect(nearestPassing('#808080', ['#808080'], 21)).to.equal(undefined);
  });
});

describe('checkPalette', () => {
  it('flags a pair below AA and offers one shade that passes on each of its backgrounds', () => {
    const { light } = defaultTheme();
    light.primary = '#ffcc00';
    const checks = checkPalette(light);
    const onBackground = checks.find((c) => c.fg === 'primary' && c.bg === 'background')!;
    const onSurface = checks.find((c) => c.fg === 'primary' && c.bg === 'surface')!;
    expect(onBackground.ok).to.equal(false);
    expect(onSurface.ok).to.equal(false);
    expect(onBackground.suggestion).to.equal(onSurface.suggestion);
    light.primary = onBackground.suggestion!;
    for (const c of checkPalette(light).filter((c) => c.fg === 'primary'))
      expect(c.ok).to.equal(true);
  });
});

describe('themeCss', () => {
  it('is empty for the widgets’ own colours', () => {
    expect(themeCss(defaultTheme())).to.equal('');
  });

  it('sets a changed colour for the light theme, and the dark theme’s for dark and auto', () => {
    const theme = defaultTheme();
    theme.light.primary = '#7a2e0e';
    theme.dark.primary = '#f0a487';
    const css = themeCss(theme);
    for (const tag of WIDGET_TAGS) {
      expect(css).to.contain(`${tag},`.replace(/,$/, ''));
      expect(css).to.contain(`${tag}[theme='dark']`);
      expect(css).to.contain(`${tag}[theme='auto']`);
    }
    expect(css).to.contain('--mi-color-primary: #7a2e0e;');
    expect(css).to.contain('--mi-color-primary: #f0a487;');
    expect(css).to.match(/@media \(prefers-color-scheme: dark\) \{[^@]*#f0a487/);
    expect(css).not.to.contain('--mi-color-text');
    expect(themeCss(theme, '.preview')).to.contain(".preview mi-quiz[theme='dark']");
  });
});
