import { expect, fixture as render, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../mi-quiz.js';
import type { MiQuiz } from '../quiz.js';
import { attemptOrder, restoreProgress, saveProgress } from '../progress.js';
import type { Quiz } from '../../feed/schema.js';
import { $, $$, fixture, resetFeeds, settled, stubConsole, text } from '../../../test/helpers.js';

/** The quiz "teach" of test/fixtures/quiz-teach.json: t1…t6, odd ones myths, even ones facts. */
const TRUTH: Record<string, 'Myth' | 'Fact'> = {
  'Teach 1': 'Myth',
  'Teach 2': 'Fact',
  'Teach 3': 'Myth',
  'Teach 4': 'Fact',
  'Teach 5': 'Myth',
  'Teach 6': 'Fact',
};
const OTHER = { Myth: 'Fact', Fact: 'Myth' } as const;

const active = (el: MiQuiz) => el.shadowRoot!.activeElement as HTMLElement | null;
const button = (el: MiQuiz, name: string) =>
  $$(el, 'button').find((b) => b.textContent!.trim() === name);
const status = (el: MiQuiz) => text($(el, '[role="status"]'));

async function click(el: MiQuiz, name: string): Promise<void> {
  const found = button(el, name);
  if (!found) throw new Error(`no button "${name}"`);
  found.click();
  await el.updateComplete;
}

async function teach(attributes = ''): Promise<MiQuiz> {
  const el = await render<MiQuiz>(html`<div></div>`);
  el.innerHTML = `<mi-quiz quiz="teach" ${attributes} src="${fixture('quiz-teach.json')}"></mi-quiz>`;
  return settled(el.firstElementChild as MiQuiz);
}

/** Play the attempt on screen to its end, in any language: right answers where `right(index)`. */
async function play(el: MiQuiz, right: (index: number) => boolean): Promise<string[]> {
  const seen: string[] = [];
  const press = async (part: string, index = 0) => {
    $$(el, `[part="${part}"]`)[index].click();
    await el.updateComplete;
  };
  if ($(el, '[part="start-button"]')) await press('start-button');
  for (let i = 0; $(el, '.statement'); i++) {
    const statement = text($(el, '.statement'))!;
    seen.push(statement);
    const truth = Number(/\d+$/.exec(statement)![0]) % 2 ? 'Myth' : 'Fact'; // "Teach 3", "Enseña 3"
    const answer = right(i) ? truth : OTHER[truth];
    await press('answer-button', answer === 'Myth' ? 0 : 1);
    await press('next-button');
  }
  return seen;
}

/** Every live region of the widget whose text contains `words`. */
const liveRegionsSaying = (el: MiQuiz, words: string) =>
  $$(el, '[role="status"], [role="alert"], [aria-live]').filter((r) => text(r)!.includes(words));

describe('<mi-quiz> that teaches', () => {
  stubConsole('warn');
  beforeEach(() => {
    resetFeeds();
    sessionStorage.clear();
    document.documentElement.lang = 'en';
  });

  describe('feedback', () => {
    for (const [lang, myth, wrong, right] of [
      ['es', 'Mito', 'Tu respuesta: Mito · Incorrecto', 'Tu respuesta: Realidad · Correcto'],
      ['en', 'Myth', 'Your answer: Myth · Incorrect', 'Your answer: Fact · Correct'],
      ['fr', 'Mythe', 'Votre réponse : Mythe · Incorrect', 'Votre réponse : Réalité · Correct'],
      ['pt', 'Mito', 'Sua resposta: Mito · Incorreto', 'Sua resposta: Fato · Correto'],
    ]) {
      it(`says plainly, in ${lang}, what the visitor answered and whether it was right`, async () => {
        const el = await settled(
          await render<MiQuiz>(
            html`<mi-quiz lang=${lang} quiz="es-quiz" src=${fixture('quiz.json')}></mi-quiz>`,
          ),
        );
        ($(el, '[part="start-button"]') as HTMLButtonElement).click();
        await el.updateComplete;
        // Both statements of es-quiz are facts: Myth is wrong, then Fact is right.
        await click(el, myth);
        expect(text($(el, '[part="verdict"]'))).to.equal(`✗ ${wrong}`);
        expect(text($(el, '[part="verdict"]'))).not.to.match(/exactamente|quite|tout à fait/);
        ($(el, '[part="next-button"]') as HTMLButtonElement).click();
        await el.updateComplete;
        $$(el, '[part="answer-button"]')[1].click();
        await el.updateComplete;
        expect(text($(el, '[part="verdict"]'))).to.equal(`✓ ${right}`);
      });
    }

    it('announces the verdict once: one live region says it, and focus goes to why, which does not', async () => {
      const el = await teach();
      await click(el, 'Start');
      await click(el, 'Fact'); // Teach 1 is a myth
      const verdict = 'Your answer: Fact · Incorrect';
      expect(liveRegionsSaying(el, verdict)).to.have.length(1);
      expect(status(el)).to.equal(verdict);
      const focused = active(el)!;
      expect(focused.className).to.equal('why');
      expect(text(focused)).not.to.include('Your answer');
      expect(text(focused)).to.include('This statement is a myth. Why 1');
      expect(focused.closest('[role="status"], [aria-live]')).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('keeps the quiz title as a heading above each statement', async () => {
      const el = await teach('heading-level="3"');
      await click(el, 'Start');
      const heading = $(el, '[role="heading"]')!;
      expect(text(heading)).to.equal('Teaching quiz');
      expect(heading.getAttribute('aria-level')).to.equal('3');
      await click(el, 'Myth');
      expect(text($(el, '[role="heading"]'))).to.equal('Teaching quiz');
      await click(el, 'Next');
      expect(text($(el, '[role="heading"]'))).to.equal('Teaching quiz');
      expect($$(el, '[role="heading"]')).to.have.length(1);
    });
  });

  describe('pictures', () => {
    it('shows a statement’s picture with its alt text, and its explanation’s after the answer', async () => {
      const el = await teach();
      await click(el, 'Start');
      const image = $<HTMLImageElement>(el, '.statement-image')!;
      expect(new URL(image.src).pathname).to.equal('/test/fixtures/pixel.png');
      expect(image.alt).to.equal('A road sign');
      expect(image.getAttribute('part')).to.equal('image');
      await expect(el).to.be.accessible();
      await click(el, 'Myth');
      const why = $<HTMLImageElement>(el, '.why .explanation-image')!;
      expect(why.alt).to.equal("A hub's front door");
      expect(new URL(why.src).pathname).to.equal('/test/fixtures/pixel.png');
      await expect(el).to.be.accessible();
    });

    it('drops a picture without alt text (and one on javascript:), keeping its statement, with problems named', async () => {
      const el = await teach();
      expect(
        el.problems
          .filter((p) => p.path.includes('questions'))
          .map((p) => [p.path, p.outcome, p.dropped]),
      ).to.deep.equal([
        [
          '_migration_info.quizzes[0].questions[1].image.alt',
          'field dropped',
          '_migration_info.quizzes[0].questions[1].image',
        ],
        [
          '_migration_info.quizzes[0].questions[1].explanation_image.url',
          'field dropped',
          '_migration_info.quizzes[0].questions[1].explanation_image',
        ],
      ]);
      await click(el, 'Start');
      await click(el, 'Myth');
      await click(el, 'Next');
      expect(text($(el, '.statement'))).to.equal('Teach 2');
      expect($(el, 'img')).to.be.null;
      await click(el, 'Fact');
      expect(text($(el, '.explanation'))).to.equal('Why 2');
      expect($(el, 'img')).to.be.null;
    });
  });

  describe('the review', () => {
    it('shows each statement with the visitor’s answer, the right one, and why with its source, open where she missed', async () => {
      const el = await teach();
      await play(el, (i) => i % 2 === 0); // right, wrong, right, wrong…
      const items = $$(el, '.review li');
      expect(items.map((li) => text(li.querySelector('.statement-review')))).to.deep.equal(
        Object.keys(TRUTH),
      );
      expect(items.map((li) => text(li.querySelector('.verdict')))).to.deep.equal([
        '✓ Your answer: Myth · Correct',
        '✗ Your answer: Myth · Incorrect',
        '✓ Your answer: Myth · Correct',
        '✗ Your answer: Myth · Incorrect',
        '✓ Your answer: Myth · Correct',
        '✗ Your answer: Myth · Incorrect',
      ]);
      expect(items.map((li) => text(li.querySelector('.right-answer')))).to.deep.equal(
        Object.values(TRUTH).map((a) => `Correct answer: ${a}`),
      );
      const details = items.map((li) => li.querySelector('details'));
      // Teach 3 has no explanation, picture nor source: nothing to open.
      expect(details.map((d) => (d ? d.open : 'none'))).to.deep.equal([
        false,
        true,
        'none',
        true,
        false,
        true,
      ]);
      const first = details[0]!;
      expect(text(first.querySelector('summary'))).to.equal('Why?');
      expect(text(first.querySelector('.explanation'))).to.equal('Why 1');
      expect(first.querySelector<HTMLImageElement>('img')!.alt).to.equal("A hub's front door");
      const source = first.querySelector<HTMLAnchorElement>('[part="source"]')!;
      expect(source.href).to.equal('https://www.iom.int/');
      expect(text(source)).to.equal('IOM (opens in a new tab)');
      await expect(el).to.be.accessible();
      first.querySelector('summary')!.click();
      expect(first.open).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('opens and closes an explanation from the keyboard', async () => {
      const el = await teach();
      await play(el, () => true);
      const summary = $(el, '.review summary')!;
      summary.focus();
      expect(summary.closest('details')!.open).to.be.false;
      await sendKeys({ press: 'Enter' });
      expect(summary.closest('details')!.open).to.be.true;
      await sendKeys({ press: 'Space' });
      expect(summary.closest('details')!.open).to.be.false;
    });
  });

  describe('result messages', () => {
    it('gives the feed’s message for the score band, with its call to action', async () => {
      const el = await teach();
      await play(el, () => false); // 0 of 6
      expect(text($(el, '[part="score"]'))).to.equal('0 of 6');
      expect(text($(el, '[part="message"]'))).to.equal('Few right: talk to a hub.');
      const cta = $<HTMLAnchorElement>(el, '[part="cta"]')!;
      expect(text(cta)).to.equal('Find a hub');
      expect(new URL(cta.href).pathname + new URL(cta.href).hash).to.equal(
        '/test/fixtures/hubs.html#near',
      );
      expect(cta.getAttribute('target')).to.be.null; // opens like any link of the page
      await expect(el).to.be.accessible();
    });

    it('passes the accessibility checks in the dark theme: pictures, call to action, every explanation open', async () => {
      const el = await teach('theme="dark"');
      await click(el, 'Start');
      await expect(el).to.be.accessible();
      await click(el, 'Fact'); // wrong, with the explanation's picture
      await expect(el).to.be.accessible();
      await click(el, 'Next');
      await play(el, () => false);
      for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
      expect($(el, '[part="cta"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('takes the band with the highest min the score reaches; "50 %" in a sheet is 50', async () => {
      const el = await teach();
      await play(el, (i) => i < 3); // 3 of 6: 50 %
      expect(text($(el, '[part="message"]'))).to.equal('Half or more right.');
      expect($(el, '[part="cta"]')).to.be.null;
      await click(el, 'Try again');
      await play(el, (i) => i < 2); // 2 of 6: 33 %
      expect(text($(el, '[part="message"]'))).to.equal('Few right: talk to a hub.');
      await click(el, 'Try again');
      await play(el, () => true);
      expect(text($(el, '[part="message"]'))).to.equal('All right!');
      expect($(el, '[part="cta"]'), 'a javascript: call to action').to.be.null;
    });

    it('drops the bands it cannot read, naming each, and keeps the others', async () => {
      const el = await teach();
      const band = (i: number, field = '') =>
        `_migration_info.quizzes[0].results[${i}]${field ? `.${field}` : ''}`;
      expect(
        el.problems
          .filter((p) => p.path.includes('results'))
          .map((p) => [p.path, p.outcome, p.dropped ?? '']),
      ).to.deep.equal([
        [band(1, 'min'), 'value normalized', ''],
        [band(2, 'cta.url'), 'field dropped', band(2, 'cta')],
        [band(3, 'min'), 'field dropped', band(3)],
        [band(4, 'message'), 'field dropped', band(4)],
        [band(5, 'min'), 'field dropped', band(5)],
      ]);
    });

    it('speaks the feed’s message in the visitor’s language', async () => {
      const el = await teach('lang="es"');
      await play(el, () => false);
      expect(text($(el, '[part="message"]'))).to.equal('Pocas correctas: habla con un centro.');
      expect(text($(el, '[part="cta"]'))).to.equal('Busca un centro');
    });

    it('has its own message below every band of the feed', async () => {
      const el = await settled(
        await render<MiQuiz>(
          html`<mi-quiz quiz="floor" src=${fixture('quiz-teach.json')}></mi-quiz>`,
        ),
      );
      await click(el, 'Start');
      await click(el, 'Fact'); // F1 is a myth
      await click(el, 'Next');
      await click(el, 'Myth'); // F2 is a fact
      await click(el, 'See result');
      expect(text($(el, '[part="message"]'))).to.equal(
        'Myths can sound convincing — that is why they spread. The review below shows the right answers.',
      );
    });

    for (const [lang, expected] of [
      ['en', 'Excellent! You can tell myths from facts.'],
      ['es', '¡Excelente! Sabes distinguir los mitos de la realidad.'],
      ['fr', 'Excellent ! Vous savez distinguer les mythes de la réalité.'],
      ['pt', 'Excelente! Você sabe distinguir mitos de fatos.'],
    ]) {
      it(`has a message of its own in ${lang} when the feed gives none`, async () => {
        const el = await settled(
          await render<MiQuiz>(
            html`<mi-quiz lang=${lang} quiz="es-quiz" src=${fixture('quiz.json')}></mi-quiz>`,
          ),
        );
        ($(el, '[part="start-button"]') as HTMLButtonElement).click();
        for (let i = 0; i < 2; i++) {
          await el.updateComplete;
          $$(el, '[part="answer-button"]')[1].click(); // Fact: right
          await el.updateComplete;
          ($(el, '[part="next-button"]') as HTMLButtonElement).click();
        }
        await el.updateComplete;
        expect(text($(el, '[part="message"]'))).to.equal(expected);
        expect($(el, '[part="cta"]')).to.be.null;
      });
    }

    it('never points to explanations the review does not show', async () => {
      // quiz-bare.json has no explanation at all.
      for (const answers of [
        ['Myth', 'Myth'],
        ['Fact', 'Myth'],
        ['Fact', 'Fact'],
      ]) {
        sessionStorage.clear();
        const el = await settled(
          await render<MiQuiz>(html`<mi-quiz src=${fixture('quiz-bare.json')}></mi-quiz>`),
        );
        await click(el, 'Start');
        for (const answer of answers) {
          await click(el, answer);
          await click(el, button(el, 'Next') ? 'Next' : 'See result');
        }
        expect($(el, '.review details')).to.be.null;
        expect(text($(el, '[part="message"]'))).not.to.match(/explanation/i);
      }
    });
  });

  describe('draw', () => {
    it('asks N statements drawn from the bank, a new draw on each attempt', async () => {
      const random = sinon.stub(Math, 'random');
      try {
        random.returns(0.999); // Fisher–Yates swaps nothing: t1, t2, t3
        const el = await teach('draw="3"');
        expect(text($(el, '.count'))).to.equal('Number of statements: 3');
        const first = await play(el, () => true);
        expect(first).to.deep.equal(['Teach 1', 'Teach 2', 'Teach 3']);
        expect(text($(el, '[part="score"]'))).to.equal('3 of 3');
        expect(text($(el, '[part="message"]'))).to.equal('All right!');
        random.returns(0); // t2, t3, t4 (drawn at random, asked in the feed's order)
        await click(el, 'Try again');
        expect(text($(el, '#progress-label'))).to.equal('Statement 1 of 3');
        const second = await play(el, (i) => i === 0);
        expect(second).to.deep.equal(['Teach 2', 'Teach 3', 'Teach 4']);
        expect(text($(el, '[part="score"]'))).to.equal('1 of 3');
        expect($$(el, '.statement-review').map((p) => text(p))).to.deep.equal(second);
      } finally {
        random.restore();
      }
    });

    it('asks them in a random order too with shuffle', async () => {
      const random = sinon.stub(Math, 'random').returns(0);
      try {
        const el = await teach('draw="3" shuffle');
        expect(await play(el, () => true)).to.deep.equal(['Teach 2', 'Teach 3', 'Teach 4']);
        expect(
          attemptOrder({ questions: [1, 2, 3, 4].map((id) => ({ id: `${id}` })) } as Quiz, {
            draw: 2,
            shuffle: true,
          }),
        ).to.deep.equal(['2', '3']);
      } finally {
        random.restore();
      }
    });

    it('asks them all when N is larger than the bank', async () => {
      const el = await teach('draw="50"');
      expect(text($(el, '.count'))).to.equal('Number of statements: 6');
      expect(await play(el, () => true)).to.have.length(6);
    });

    for (const value of ['three', '-2', '2.5', '']) {
      it(`ignores draw="${value}" and asks them all`, async () => {
        const el = await teach(`draw="${value}"`);
        expect(el.draw).to.equal(0);
        expect(text($(el, '.count'))).to.equal('Number of statements: 6');
        await click(el, 'Start');
        expect(text($(el, '#progress-label'))).to.equal('Statement 1 of 6');
      });
    }

    it('keeps the drawn statements of an attempt resumed after a reload', async () => {
      const random = sinon.stub(Math, 'random').returns(0); // t2, t3, t4
      try {
        const first = await teach('draw="3"');
        await click(first, 'Start');
        await click(first, 'Fact'); // Teach 2: right
        const src = first.src;
        first.remove();

        random.returns(0.999); // a new draw would be t1, t2, t3
        const again = await settled(
          await render<MiQuiz>(html`<mi-quiz quiz="teach" draw="3" src=${src}></mi-quiz>`),
        );
        expect(text($(again, '.statement'))).to.equal('Teach 2');
        expect(text($(again, '#progress-label'))).to.equal('Statement 1 of 3');
        await click(again, 'Next');
        expect(text($(again, '.statement'))).to.equal('Teach 3');
        await click(again, 'Myth');
        await click(again, 'Next');
        await click(again, 'Fact');
        await click(again, 'See result');
        expect(text($(again, '[part="score"]'))).to.equal('3 of 3');
        expect($$(again, '.statement-review').map((p) => text(p))).to.deep.equal([
          'Teach 2',
          'Teach 3',
          'Teach 4',
        ]);
      } finally {
        random.restore();
      }
    });

    it('restores a drawn attempt only when it is one: its own statements, once each', async () => {
      const el = await teach();
      const quiz = (el as unknown as { feed: { result: { feed: { quizzes: Quiz[] } } } }).feed
        .result.feed.quizzes[0];
      const url = 'https://feeds.example.org/feed.json';
      const attempt = (order: string[], answers: Record<string, 'myth' | 'fact'> = {}) => {
        saveProgress(url, quiz, { screen: 'question', order, index: 0, answers });
        return restoreProgress(url, quiz)?.order;
      };
      expect(attempt(['t4', 't2'], { t4: 'fact' })).to.deep.equal(['t4', 't2']);
      expect(attempt(['t2', 't2'])).to.be.undefined;
      expect(attempt([])).to.be.undefined;
      expect(attempt(['t2', 'gone'])).to.be.undefined;
      expect(attempt(['t2', 't3'], { t4: 'fact' }), 'an answer to a statement not drawn').to.be
        .undefined;
    });
  });

  it('moves focus with the keyboard from start to result and back, never to the page', async () => {
    const el = await teach('draw="2"');
    const focus = () => {
      expect(document.activeElement, 'focus left the widget').to.equal(el);
      return active(el)!;
    };
    const press = async (name: string) => {
      for (let i = 0; i < 12 && active(el)?.textContent?.trim() !== name; i++)
        await sendKeys({ press: 'Tab' });
      expect(active(el)?.textContent?.trim()).to.equal(name);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
    };
    await press('Start');
    expect(focus()).to.equal($(el, '.statement'));
    const statement = text($(el, '.statement'))!;
    await press(TRUTH[statement]);
    expect(focus()).to.equal($(el, '.why'));
    await press('Next');
    expect(focus()).to.equal($(el, '.statement'));
    await press(OTHER[TRUTH[text($(el, '.statement'))!]]);
    expect(focus()).to.equal($(el, '.why'));
    await press('See result');
    expect(focus()).to.equal($(el, '.result-title'));
    expect(status(el)).to.equal('Your result: 1 of 2');
    await press('Try again');
    expect(focus()).to.equal($(el, '.statement'));
  });
});
