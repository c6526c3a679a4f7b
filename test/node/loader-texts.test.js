/**
 * The loader's own message (a widget whose code could not load) says what the widgets say,
 * in every interface language: the loader cannot use @lit/localize, so its four-language table
 * in src/loader.ts is held here to the translations in locales/*.xlf.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const config = JSON.parse(read('lit-localize.json'));

/** The loader's table: language → [message, retry, loading]. */
function loaderTexts() {
  const block = /const TEXTS[^=]*=\s*\{([\s\S]*?)\n\};/.exec(read('src/loader.ts'))?.[1];
  assert.ok(block, 'TEXTS not found in src/loader.ts');
  return Object.fromEntries(
    [...block.matchAll(/^\s*(\w+):\s*(\[[^\]]*\]),?$/gm)].map(([, lang, list]) => [
      lang,
      JSON.parse(list.replace(/'/g, '"').replace(/,\s*\]$/, ']')),
    ]),
  );
}

/** The text of a message id in a language: the source in English, else the xlf target. */
function translation(lang, id) {
  const file = lang === config.sourceLocale ? 'locales/es.xlf' : `locales/${lang}.xlf`;
  const unit = new RegExp(
    `<trans-unit id="${id.replace('.', '\\.')}">\\s*<source>([^<]*)</source>\\s*<target>([^<]*)</target>`,
  ).exec(read(file));
  assert.ok(unit, `${id} not in ${file}`);
  return lang === config.sourceLocale ? unit[1] : unit[2];
}

test('the loader’s message, button and wait are the widgets’ words, in every language', () => {
  const texts = loaderTexts();
  const languages = [config.sourceLocale, ...config.targetLocales];
  assert.deepEqual(Object.keys(texts).sort(), [...languages].sort());
  for (const lang of languages)
    assert.deepEqual(
      texts[lang],
      ['error.title', 'common.retry', 'common.loading'].map((id) => translation(lang, id)),
      lang,
    );
});
