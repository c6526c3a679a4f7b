import { expect } from '@open-wc/testing';
import { targetLocales } from '../../src/generated/locale-codes.js';

/** Words that are rightly the same as the English. */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  es: [],
  // "Votre réponse : Mythe · Correct / Incorrect".
  fr: [
    'quiz.correct',
    'quiz.wrong',
    'hubs.service',
    'hubs.services',
    'hubs.service.information',
    'banner.urgent',
  ],
  pt: [],
};

/** Every UI string is translated in every target locale: no unit missing, empty or left in English. */
describe('translations', () => {
  let english: string[] = [];

  before(async () => {
    const doc = new DOMParser().parseFromString(
      await (await fetch('/locales/es.xlf')).text(),
      'application/xml',
    );
    english = [...doc.querySelectorAll('trans-unit')].map((u) => u.id);
  });

  for (const locale of targetLocales) {
    it(`are complete in ${locale}`, async () => {
      const doc = new DOMParser().parseFromString(
        await (await fetch(`/locales/${locale}.xlf`)).text(),
        'application/xml',
      );
      const units = [...doc.querySelectorAll('trans-unit')];
      expect(units.map((u) => u.id)).to.deep.equal(english);
      expect(units.length).to.be.greaterThan(40);
      const same: string[] = [];
      for (const unit of units) {
        const source = unit.querySelector('source')!;
        const target = unit.querySelector('target');
        expect(target, `${locale}: ${unit.id} has no translation`).to.exist;
        expect(target!.textContent!.trim(), `${locale}: ${unit.id} is empty`).not.to.equal('');
        if (target!.innerHTML === source.innerHTML) same.push(unit.id);
        const placeholders = (node: Element) =>
          [...node.querySelectorAll('x')].map((x) => x.id).sort();
        expect(placeholders(target!), `${locale}: ${unit.id} placeholders`).to.deep.equal(
          placeholders(source),
        );
      }
      expect(same, `${locale}: still in English`).to.deep.equal(SAME_AS_ENGLISH[locale]);
    });
  }
});
