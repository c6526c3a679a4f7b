import { expect, fixture, html } from '@open-wc/testing';
import { pickText } from '../../src/feed/text.js';
import { browserLang, formatLocaleFor, resolveLang, uiLocaleFor } from '../../src/i18n/locale.js';
import { formatDate } from '../../src/shared/format.js';

describe('locale resolution', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('takes the element’s own lang first, then the nearest ancestor’s, then <html lang>', async () => {
    document.documentElement.lang = 'pt-BR';
    const el = await fixture(
      html`<div lang="fr">
        <p><span id="own" lang="es-MX"></span><span id="inherited"></span></p>
      </div>`,
    );
    expect(resolveLang(el.querySelector('#own')!)).to.equal('es-MX');
    expect(resolveLang(el.querySelector('#inherited')!)).to.equal('fr');
    const plain = await fixture(html`<p></p>`);
    expect(resolveLang(plain)).to.equal('pt-BR');
  });

  it('finds the lang of the host across a shadow root', async () => {
    const host = await fixture(html`<div lang="es"></div>`);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLang(inner)).to.equal('es');
  });

  it('falls back to the browser’s first usable language, then English', () => {
    expect(browserLang(['de-DE', 'pt-BR', 'en'])).to.equal('pt-BR');
    expect(browserLang(['de-DE'])).to.equal('de-DE');
    expect(browserLang(['quc', 'es'])).to.equal('quc');
    expect(browserLang([])).to.equal('en');
  });

  it('maps a language to the interface locale that its speakers read', () => {
    expect(uiLocaleFor('es-MX')).to.equal('es');
    expect(uiLocaleFor('pt-BR')).to.equal('pt');
    expect(uiLocaleFor('FR-ca')).to.equal('fr');
    expect(uiLocaleFor('quc')).to.equal('es');
    expect(uiLocaleFor('kek')).to.equal('es');
    expect(uiLocaleFor('ht')).to.equal('fr');
    expect(uiLocaleFor('de')).to.equal('en');
  });

  it('formats languages Intl has no data for through a fallback chain, never en-US', () => {
    expect(formatLocaleFor('es-MX')).to.equal('es-MX');
    expect(formatLocaleFor('ht')).to.equal('fr-HT');
    for (const mayan of ['quc', 'kek', 'mam']) expect(formatLocaleFor(mayan)).to.equal('es-GT');
    expect(formatLocaleFor('cab')).to.equal('es-HN');
    expect(formatDate('2022-11-08T12:00:00Z', formatLocaleFor('quc'))).to.equal(
      '8 de noviembre de 2022',
    );
    expect(formatDate('2022-11-08T12:00:00Z', formatLocaleFor('ht'))).to.equal('8 novembre 2022');
  });

  it('formats a date-only value as that calendar day in every time zone', () => {
    expect(formatDate('2022-11-08', 'en')).to.equal('November 8, 2022');
  });

  it('picks the best text of a language map, and something rather than nothing', () => {
    const text = { en: 'Hello', es: 'Hola', 'pt-BR': 'Olá' };
    expect(pickText(text, ['es-mx', 'es', 'en'])).to.equal('Hola');
    expect(pickText(text, ['pt', 'en'])).to.equal('Olá');
    expect(pickText(text, ['fr', 'en'])).to.equal('Hello');
    expect(pickText({ de: 'Hallo' }, ['fr', 'en'])).to.equal('Hallo');
    expect(pickText('Plain', ['fr'])).to.equal('Plain');
    expect(pickText(undefined, ['fr'])).to.equal('');
  });
});
