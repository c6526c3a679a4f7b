import { expect, fixture as render, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../mi-quiz.js';
import type { MiQuiz } from '../quiz.js';
import { restoreProgress, saveProgress } from '../progress.js';
import type { Quiz } from '../../feed/schema.js';
import {
  $,
  $$,
  fault,
  fixture,
  itHasAccessibleLoadingAndErrorStates,
  resetFeeds,
  settled,
  stubConsole,
  text,
} from '../../../test/helpers.js';

const active = (el: MiQuiz) => el.shadowRoot!.activeElement as HTMLElement | null;
const button = (el: MiQuiz, name: string) =>
  $$(el, 'button').find((b) => b.textContent!.trim() === name);

/** Press Tab until the focused element inside the widget is named `name` (keyboard only). */
async function tabTo(el: MiQuiz, name: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    if (active(el)?.textContent?.trim() === name) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`could not reach "${name}" with Tab`);
}

async function press(el: MiQuiz, name: string): Promise<void> {
  await tabTo(el, name);
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('<mi-quiz>', () => {
  stubConsole('warn');
  beforeEach(() => {
    resetFeeds();
    sessionStorage.clear();
    document.documentElement.lang = 'en';
  });
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('a quiz with no title, ids or explanations still plays: a default title, no empty explanation', async () => {
    const el = await settled(
      await render<MiQuiz>(html`<mi-quiz src=${fixture('quiz-bare.json')}></mi-quiz>`),
    );
    expect(text($(el, '[part="title"]'))).to.equal('Myth or fact quiz');
    expect(text($(el, '.count'))).to.equal('Number of statements: 2');
    await expect(el).to.be.accessible();
    button(el, 'Start')!.click();
    await el.updateComplete;
    $$(el, '[part="answer-button"]')[0].click();
    await el.updateComplete;
    expect($(el, '[part="feedback"]')).to.exist;
    expect($(el, '.explanation')).to.be.null;
    await expect(el).to.be.accessible();
    expect(el.problems.map((p) => [p.path, p.outcome])).to.deep.equal([
      ['_migration_info.quizzes[0].questions[1].answer', 'value normalized'],
      ['_migration_info.quizzes[0].questions[1].explanation', 'field dropped'],
    ]);
  });

  it('starts with the title, the intro, a sample label, the number of statements and Start', async () => {
    const el = await settled(
      await render<MiQuiz>(html`<mi-quiz src=${fixture('quiz.json')}></mi-quiz>`),
    );
    expect(text($(el, '[part="title"]'))).to.equal('English quiz');
    expect(text($(el, '[part="intro"]'))).to.equal('Intro text');
    expect(text($(el, '[part="sample"]'))).to.equal('Sample content');
    expect(text($(el, '.count'))).to.equal('Number of statements: 3');
    expect(text($(el, '[part="start-button"]'))).to.equal('Start');
    expect(el.problems.map((p) => [p.path, p.outcome])).to.deep.equal([
      ['_migration_info.quizzes[0].questions[3].answer', 'entry dropped'],
      ['_migration_info.quizzes[2].questions[0].answer', 'entry dropped'],
      ['_migration_info.quizzes[2].questions', 'entry dropped'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('can be taken from start to result with only a keyboard, with the right score, events and announcements', async () => {
    const el = await settled(
      await render<MiQuiz>(html`<mi-quiz src=${fixture('quiz.json')}></mi-quiz>`),
    );
    const events: [string, unknown][] = [];
    for (const type of ['mi-quiz-start', 'mi-quiz-answer', 'mi-quiz-complete'] as const) {
      el.addEventListener(type, (e) => events.push([type, (e as CustomEvent).detail]));
    }
    const status = () => text($(el, '[role="status"]'));

    await press(el, 'Start');
    expect(active(el)).to.equal($(el, '.statement'));
    expect(text($(el, '.statement'))).to.equal('Statement 1');
    expect(text($(el, '#progress-label'))).to.equal('Statement 1 of 3');
    expect(status()).to.equal('Statement 1 of 3');

    // q1 is a myth: right.
    await press(el, 'Myth');
    expect(active(el)).to.equal($(el, '[part="feedback"] .why'));
    expect(text($(el, '.verdict'))).to.equal('✓ Your answer: Myth · Correct');
    expect(text($(el, '.truth'))).to.equal('This statement is a myth.');
    expect(text($(el, '.explanation'))).to.equal('Explanation 1');
    expect(($(el, '[part="source"]') as HTMLAnchorElement).href).to.equal('https://www.iom.int/');
    expect(status()).to.equal('Your answer: Myth · Correct');
    await press(el, 'Next');
    expect(active(el)).to.equal($(el, '.statement'));
    expect(status()).to.equal('Statement 2 of 3');

    // q2 is a fact: wrong.
    await press(el, 'Myth');
    expect(text($(el, '.verdict'))).to.equal('✗ Your answer: Myth · Incorrect');
    expect(status()).to.equal('Your answer: Myth · Incorrect');
    await press(el, 'Next');

    // q3 is a myth: right; the last Next is "See result".
    await press(el, 'Myth');
    await press(el, 'See result');
    expect(active(el)).to.equal($(el, '.result-title'));
    expect(text($(el, '[part="score"]'))).to.equal('2 of 3');
    expect(status()).to.equal('Your result: 2 of 3');
    expect($$(el, '.review li').map((li) => li.className)).to.deep.equal([
      'correct',
      'wrong',
      'correct',
    ]);
    expect(text($(el, '.review li.wrong .verdict'))).to.equal('✗ Your answer: Myth · Incorrect');
    expect(text($(el, '.review li.wrong .right-answer'))).to.equal('Correct answer: Fact');

    expect(events).to.deep.equal([
      ['mi-quiz-start', { quizId: 'en-quiz' }],
      ['mi-quiz-answer', { quizId: 'en-quiz', questionId: 'q1', answer: 'myth', correct: true }],
      ['mi-quiz-answer', { quizId: 'en-quiz', questionId: 'q2', answer: 'myth', correct: false }],
      ['mi-quiz-answer', { quizId: 'en-quiz', questionId: 'q3', answer: 'myth', correct: true }],
      ['mi-quiz-complete', { quizId: 'en-quiz', score: 2, total: 3 }],
    ]);
  });

  it('gives the answer buttons the accessible names Myth and Fact, and the progress proper semantics', async () => {
    const el = await settled(
      await render<MiQuiz>(html`<mi-quiz src=${fixture('quiz.json')}></mi-quiz>`),
    );
    button(el, 'Start')!.click();
    await el.updateComplete;
    expect($$(el, '[part="answer-button"]').map((b) => b.textContent!.trim())).to.deep.equal([
      'Myth',
      'Fact',
    ]);
    const bar = $(el, 'progress') as HTMLProgressElement;
    expect(bar.max).to.equal(3);
    expect(bar.value).to.equal(1);
    expect(bar.getAttribute('aria-labelledby')).to.equal('progress-label');
    await expect(el).to.be.accessible();
  });

  it('passes the accessibility checks on every screen, in both themes', async () => {
    for (const theme of ['light', 'dark']) {
      sessionStorage.clear();
      const el = await settled(
        await render<MiQuiz>(html`<mi-quiz theme=${theme} src=${fixture('quiz.json')}></mi-quiz>`),
      );
      await expect(el).to.be.accessible();
      button(el, 'Start')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      button(el, 'Myth')!.click(); // right
      await el.updateComplete;
      await expect(el).to.be.accessible();
      button(el, 'Next')!.click();
      await el.updateComplete;
      button(el, 'Myth')!.click(); // wrong
      await el.updateComplete;
      await expect(el).to.be.accessible();
      button(el, 'Next')!.click();
      await el.updateComplete;
      button(el, 'Fact')!.click();
      await el.updateComplete;
      button(el, 'See result')!.click();
      await el.updateComplete;
      expect(text($(el, '[part="score"]'))).to.equal('1 of 3');
      await expect(el).to.be.accessible();
    }
  });

  it('is as tall while loading as its start screen, whatever the length of its texts', async () => {
    const height = (el: MiQuiz) => el.getBoundingClientRect().height;
    const loading = await render<MiQuiz>(
      html`<mi-quiz style="width: 320px" timeout="3000" src=${fault('hang')}></mi-quiz>`,
    );
    await loading.updateComplete;
    expect(loading.getAttribute('state')).to.equal('loading');
    for (const feed of ['quiz.json', 'long-texts.json', 'quiz-bare.json']) {
      const el = await settled(
        await render<MiQuiz>(html`<mi-quiz style="width: 320px" src=${fixture(feed)}></mi-quiz>`),
      );
      expect(height(el), feed).to.be.closeTo(height(loading), 0.5);
    }
  });

  it('fits a 320 px wide screen on every screen, with nothing cut off', async () => {
    const el = await settled(
      await render<MiQuiz>(
        html`<mi-quiz style="width: 320px" src=${fixture('quiz.json')}></mi-quiz>`,
      ),
    );
    const fits = () => {
      const base = $(el, '[part="base"]')!;
      expect(base.scrollWidth, 'horizontal overflow').to.be.at.most(base.clientWidth);
      for (const b of $$(el, 'button'))
        expect(b.getBoundingClientRect().right).to.be.at.most(
          el.getBoundingClientRect().right + 0.5,
        );
    };
    fits();
    button(el, 'Start')!.click();
    await el.updateComplete;
    fits();
    button(el, 'Myth')!.click();
    await el.updateComplete;
    fits();
    for (const answer of ['Fact', 'Myth']) {
      button(el, 'Next')!.click();
      await el.updateComplete;
      button(el, answer)!.click();
      await el.updateComplete;
    }
    button(el, 'See result')!.click();
    await el.updateComplete;
    fits();
  });

  it('never advances on its own', async () => {
    const el = await settled(
      await render<MiQuiz>(html`<mi-quiz src=${fixture('quiz.json')}></mi-quiz>`),
    );
    button(el, 'Start')!.click();
    await el.updateComplete;
    button(el, 'Fact')!.click();
    await new Promise((r) => setTimeout(r, 400));
    expect(text($(el, '.statement'))).to.equal('Statement 1');
    expect($(el, '[part="feedback"]')).to.exist;
  });

  it('starts again with Try again', async () => {
    const el = await settled(
      await render<MiQuiz>(html`<mi-quiz src=${fixture('quiz.json')}></mi-quiz>`),
    );
    button(el, 'Start')!.click();
    for (const answer of ['Myth', 'Fact', 'Myth']) {
      await el.updateComplete;
      button(el, answer)!.click();
      await el.updateComplete;
      (button(el, 'Next') ?? button(el, 'See result'))!.click();
    }
    await el.updateComplete;
    expect(text($(el, '[part="score"]'))).to.equal('3 of 3');
    expect(text($(el, '.message'))).to.equal('Excellent! You can tell myths from facts.');
    setTimeout(() => button(el, 'Try again')!.click());
    await oneEvent(el, 'mi-quiz-start');
    await el.updateComplete;
    expect(text($(el, '.statement'))).to.equal('Statement 1');
    expect($(el, '[part="feedback"]')).to.be.null;
  });

  describe('within the session', () => {
    it('resumes where the visitor was after a reload', async () => {
      const src = fixture('quiz.json');
      const first = await settled(await render<MiQuiz>(html`<mi-quiz src=${src}></mi-quiz>`));
      button(first, 'Start')!.click();
      await first.updateComplete;
      button(first, 'Myth')!.click();
      await first.updateComplete;
      button(first, 'Next')!.click();
      await first.updateComplete;
      button(first, 'Fact')!.click();
      await first.updateComplete;
      first.remove();

      const again = await settled(await render<MiQuiz>(html`<mi-quiz src=${src}></mi-quiz>`));
      expect(text($(again, '.statement'))).to.equal('Statement 2');
      expect(text($(again, '.verdict'))).to.equal('✓ Your answer: Fact · Correct');
      button(again, 'Next')!.click();
      await again.updateComplete;
      button(again, 'Myth')!.click();
      await again.updateComplete;
      button(again, 'See result')!.click();
      await again.updateComplete;
      expect(text($(again, '[part="score"]'))).to.equal('3 of 3');
    });

    it('starts fresh when the quiz changed since', async () => {
      const src = fixture('quiz.json');
      const el = await settled(await render<MiQuiz>(html`<mi-quiz src=${src}></mi-quiz>`));
      const quiz = (el as unknown as { feed: { result: { feed: { quizzes: Quiz[] } } } }).feed
        .result.feed.quizzes[0];
      const older: Quiz = {
        ...quiz,
        questions: [...quiz.questions, { ...quiz.questions[0], id: 'removed-since' }],
      };
      const ids = older.questions.map((q) => q.id);
      saveProgress(src, older, {
        screen: 'question',
        order: ids,
        index: 3,
        answers: { q1: 'myth' },
      });
      expect(restoreProgress(src, older)).to.exist;
      expect(restoreProgress(src, quiz)).to.be.undefined;
      el.remove();

      const again = await settled(await render<MiQuiz>(html`<mi-quiz src=${src}></mi-quiz>`));
      expect(text($(again, '[part="start-button"]'))).to.equal('Start');
    });

    it('ignores saved progress that is damaged', async () => {
      const src = fixture('quiz.json');
      sessionStorage.setItem(
        `mi-widgets:quiz:${src}#en-quiz`,
        '{"screen":"question","order":"nope"',
      );
      const el = await settled(await render<MiQuiz>(html`<mi-quiz src=${src}></mi-quiz>`));
      expect(text($(el, '[part="start-button"]'))).to.equal('Start');
    });
  });

  it('asks in a new random order with shuffle, and still scores right', async () => {
    const random = sinon.stub(Math, 'random').returns(0); // Fisher–Yates with 0: q2, q3, q1
    try {
      const el = await settled(
        await render<MiQuiz>(html`<mi-quiz shuffle src=${fixture('quiz.json')}></mi-quiz>`),
      );
      button(el, 'Start')!.click();
      const seen: string[] = [];
      const truth: Record<string, string> = {
        'Statement 1': 'Myth',
        'Statement 2': 'Fact',
        'Statement 3': 'Myth',
      };
      for (let i = 0; i < 3; i++) {
        await el.updateComplete;
        const statement = text($(el, '.statement'))!;
        seen.push(statement);
        button(el, truth[statement])!.click();
        await el.updateComplete;
        (button(el, 'Next') ?? button(el, 'See result'))!.click();
      }
      await el.updateComplete;
      expect(seen).to.deep.equal(['Statement 2', 'Statement 3', 'Statement 1']);
      expect(text($(el, '[part="score"]'))).to.equal('3 of 3');
      expect($$(el, '.statement-review').map((p) => p.textContent!.trim())).to.deep.equal(seen);
    } finally {
      random.restore();
    }
  });

  describe('choosing a quiz', () => {
    it('takes the first quiz in the visitor’s language, and speaks it', async () => {
      const el = await settled(
        await render<MiQuiz>(html`<mi-quiz lang="es" src=${fixture('quiz.json')}></mi-quiz>`),
      );
      expect(text($(el, '[part="title"]'))).to.equal('Cuestionario en español');
      expect(text($(el, '.count'))).to.equal('Número de afirmaciones: 2');
      button(el, 'Comenzar')!.click();
      await el.updateComplete;
      expect($$(el, '[part="answer-button"]').map((b) => b.textContent!.trim())).to.deep.equal([
        'Mito',
        'Realidad',
      ]);
      expect(text($(el, '.statement'))).to.equal('Afirmación 1');
      expect(text($(el, '#progress-label'))).to.equal('Afirmación 1 de 2');
    });

    it('takes the quiz named by the quiz attribute', async () => {
      const el = await settled(
        await render<MiQuiz>(html`<mi-quiz quiz="es-quiz" src=${fixture('quiz.json')}></mi-quiz>`),
      );
      expect(text($(el, '[part="title"]'))).to.equal('Cuestionario en español');
    });

    it('is empty when the quiz has no valid statement, or the named quiz is not there', async () => {
      const el = await settled(
        await render<MiQuiz>(html`<mi-quiz src=${fixture('quiz-empty.json')}></mi-quiz>`),
        'empty',
      );
      expect(text($(el, '[part="empty"]'))).to.equal('There is no quiz to take right now.');
      await expect(el).to.be.accessible();
      const missing = await settled(
        await render<MiQuiz>(html`<mi-quiz quiz="nope" src=${fixture('quiz.json')}></mi-quiz>`),
        'empty',
      );
      expect($(missing, '[part="empty"]')).to.exist;
    });
  });

  it('shows explanation text as text, never as HTML', async () => {
    const el = await settled(
      await render<MiQuiz>(html`<mi-quiz quiz="html-quiz" src=${fixture('quiz.json')}></mi-quiz>`),
    );
    button(el, 'Start')!.click();
    await el.updateComplete;
    button(el, 'Myth')!.click();
    await el.updateComplete;
    expect(text($(el, '.explanation'))).to.equal('<img src=x onerror="window.__xss=1"><b>Bold</b>');
    expect($(el, '.explanation img, .explanation b')).to.be.null;
  });

  itHasAccessibleLoadingAndErrorStates('mi-quiz');

  describe('sharing', () => {
    async function atResult(): Promise<MiQuiz> {
      const el = await settled(
        await render<MiQuiz>(html`<mi-quiz quiz="es-quiz" src=${fixture('quiz.json')}></mi-quiz>`),
      );
      button(el, 'Start')!.click();
      for (let i = 0; i < 2; i++) {
        await el.updateComplete;
        button(el, 'Fact')!.click();
        await el.updateComplete;
        (button(el, 'Next') ?? button(el, 'See result'))!.click();
      }
      await el.updateComplete;
      return el;
    }

    it('offers copy-link and a WhatsApp link without the Web Share API, sending no score', async () => {
      const share = Object.getOwnPropertyDescriptor(Navigator.prototype, 'share');
      if (share) delete (Navigator.prototype as { share?: unknown }).share;
      const writeText = sinon.stub(navigator.clipboard, 'writeText').resolves();
      try {
        const el = await atResult();
        const whatsapp = $(el, 'a.whatsapp') as HTMLAnchorElement;
        const url = new URL(whatsapp.href);
        expect(url.origin).to.equal('https://wa.me');
        const message = url.searchParams.get('text')!;
        expect(message).to.equal(
          `Myth or fact? Test what you know about migration. ${location.href}`,
        );
        expect(message).not.to.match(/2 of 2|score/i);
        button(el, 'Copy link')!.click();
        await waitUntil(() => text($(el, '[role="status"]')) === 'Link copied.');
        expect(writeText.calledWith(location.href)).to.be.true;
        await expect(el).to.be.accessible();
      } finally {
        writeText.restore();
        if (share) Object.defineProperty(Navigator.prototype, 'share', share);
      }
    });

    it('uses the Web Share API where the browser has it', async () => {
      const share = sinon.stub().resolves();
      Object.defineProperty(navigator, 'share', { value: share, configurable: true });
      try {
        const el = await atResult();
        expect($(el, 'a.whatsapp')).to.be.null;
        button(el, 'Share')!.click();
        expect(
          share.calledOnceWith({
            text: 'Myth or fact? Test what you know about migration.',
            url: location.href,
          }),
        ).to.be.true;
      } finally {
        delete (navigator as { share?: unknown }).share;
      }
    });
  });
});
