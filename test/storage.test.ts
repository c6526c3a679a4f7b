// What the browser's storage does to the widgets: refused or full, it changes nothing the
// visitor can do on this page; a copy kept from an earlier visit that is damaged, too old or
// since replaced never shows what the feed no longer says.
import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/campaign-banner/mi-campaign-banner.js';
import '../src/news-feed/mi-news-feed.js';
import '../src/quiz/mi-quiz.js';
import type { MiCampaignBanner } from '../src/campaign-banner/campaign-banner.js';
import type { MiNewsFeed } from '../src/news-feed/news-feed.js';
import type { MiQuiz } from '../src/quiz/quiz.js';
import { CACHE_NAME, MAX_AGE_MS } from '../src/feed/copies.js';
import { clearFeedMemory, keepFeedCopy } from '../src/feed/client.js';
import { $, $$, fault, fixture, resetFeeds, settled, stubConsole, text } from './helpers.js';

const NOW = new Date('2026-11-28T12:00:00Z');

/** The title of the campaign on screen. */
const shown = (el: MiCampaignBanner) => text($(el, '.slide.active [part="title"]'));

/** The browser refuses storage: on access (privacy settings), or on every write (full). */
function refuseStorage(how: 'access' | 'quota'): void {
  if (how === 'quota') {
    sinon
      .stub(Storage.prototype, 'setItem')
      .throws(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    sinon.stub(Cache.prototype, 'put').rejects(new DOMException('Full.', 'QuotaExceededError'));
    return;
  }
  const denied = () => {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  };
  sinon.stub(window, 'localStorage').get(denied);
  sinon.stub(window, 'sessionStorage').get(denied);
  sinon.stub(CacheStorage.prototype, 'open').rejects(new DOMException('Denied.', 'SecurityError'));
}

/** The campaign feed's text, its first campaign replaced by one of this id and title. */
async function campaignsWith(id: string, title: string): Promise<string> {
  const feed = (await (await fetch(fixture('campaigns.json'))).json()) as {
    _migration_info: { campaigns: Record<string, unknown>[] };
  };
  feed._migration_info.campaigns.unshift({
    id,
    title: { en: title },
    message: { en: `Message of ${title}` },
    priority: 100,
  });
  return JSON.stringify(feed);
}

describe('storage the browser refuses', () => {
  stubConsole('warn');
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'en';
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => {
    sinon.restore();
    clock.restore();
  });

  for (const how of ['access', 'quota'] as const) {
    it(`Dismiss hides the campaign for this page view (storage refused on ${how})`, async () => {
      const src = fixture('campaigns.json');
      const banner = () =>
        render<MiCampaignBanner>(
          html`<mi-campaign-banner dismissible src=${src}></mi-campaign-banner>`,
        );
      const el = await settled(await banner());
      refuseStorage(how);
      const first = shown(el);
      expect(first).to.be.a('string');
      const dismissed = sinon.spy();
      el.addEventListener('mi-campaign-dismiss', dismissed);
      $<HTMLButtonElement>(el, '[part="dismiss-button"]')!.click();
      await el.updateComplete;
      expect(dismissed.calledOnce).to.be.true;
      expect(el.state).to.equal('empty'); // closed, no other campaign in its place
      // Another banner on the same page, later, does not bring it back either.
      const other = await settled(await banner());
      expect(shown(other)).to.be.a('string');
      expect(shown(other)).to.not.equal(first);
    });
  }

  it('the quiz plays, and the news feed loads, with no storage at all', async () => {
    refuseStorage('access');
    const quiz = await settled(
      await render<MiQuiz>(html`<mi-quiz src=${fixture('quiz.json')}></mi-quiz>`),
    );
    $<HTMLButtonElement>(quiz, '[part="start-button"]')!.click();
    await quiz.updateComplete;
    $$<HTMLButtonElement>(quiz, '[part="answer-button"]')[0].click();
    await quiz.updateComplete;
    expect($(quiz, '[part="feedback"]')).to.exist;
    $<HTMLButtonElement>(quiz, '[part="next-button"]')!.click();
    await quiz.updateComplete;
    expect(text($(quiz, '[part="progress"] p'))).to.match(/^Statement 2 of/);

    const news = await settled(
      await render<MiNewsFeed>(html`<mi-news-feed src=${fixture('feed.json')}></mi-news-feed>`),
    );
    expect($$(news, '[part="item"]').length).to.be.greaterThan(0);
  });
});

/**
 * A banner on `src`, whose copy kept from an earlier visit has one more campaign (`id`, `title`),
 * and the campaigns it reported viewed.
 */
async function bannerOnCopy(src: string, id: string, title: string) {
  await keepFeedCopy(src, await campaignsWith(id, title), Date.now());
  clearFeedMemory();
  const views: string[] = [];
  const el = await render<MiCampaignBanner>(
    html`<mi-campaign-banner
      src=${src}
      @mi-campaign-view=${(e: CustomEvent<{ campaignId: string }>) =>
        views.push(e.detail.campaignId)}
    ></mi-campaign-banner>`,
  );
  return { el, views };
}

describe('copies kept from an earlier visit, as the widgets show them', () => {
  const logs = stubConsole('error', 'warn');
  let clock: sinon.SinonFakeTimers | undefined;
  const pageErrors: string[] = [];
  const onError = (event: ErrorEvent) => pageErrors.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => pageErrors.push(String(event.reason));
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'en';
    pageErrors.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  const kept = async (url: string) => (await caches.open(CACHE_NAME)).match(url);

  it('a damaged copy while the server answers 503: the error state with Retry, and the copy goes', async () => {
    const src = fault('status/503');
    const good = await (await fetch(fixture('feed.json'))).text();
    expect(await keepFeedCopy(src, `garbage\n${good}`, Date.now())).to.be.true;
    clearFeedMemory();
    const el = await render<MiNewsFeed>(html`<mi-news-feed src=${src}></mi-news-feed>`);
    await settled(el, 'error');
    expect($(el, '[role="alert"]')).to.exist;
    expect($(el, '[part="retry-button"]')).to.exist;
    expect($$(el, '[part="item"]')).to.have.length(0);
    await waitUntil(async () => !(await kept(src)), 'the damaged copy stayed');
    expect(pageErrors).to.deep.equal([]);
    expect(logs.error.callCount, 'the failure is told once').to.equal(1);
  });

  it('a copy older than its maximum age is not shown: the error state instead', async () => {
    const src = fault('status/503');
    const good = await (await fetch(fixture('feed.json'))).text();
    await keepFeedCopy(src, good, Date.now() - MAX_AGE_MS - 60_000);
    clearFeedMemory();
    const el = await settled(
      await render<MiNewsFeed>(html`<mi-news-feed src=${src}></mi-news-feed>`),
      'error',
    );
    expect($$(el, '[part="item"]')).to.have.length(0);
    expect($(el, '[part="retry-button"]')).to.exist;
  });

  it('a campaign the fresh feed withdrew shows from the copy, but is never counted as viewed', async () => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { el, views } = await bannerOnCopy(
      fault('slow/1500/test/fixtures/campaigns.json'),
      'withdrawn',
      'Withdrawn campaign',
    );
    await waitUntil(() => shown(el) === 'Withdrawn campaign', 'the kept copy never showed');
    await new Promise((r) => setTimeout(r, 300)); // visible meanwhile: still not a view
    expect(views).to.deep.equal([]);
    await waitUntil(() => shown(el) !== 'Withdrawn campaign', 'the fresh feed never replaced it', {
      timeout: 5000,
    });
    await waitUntil(() => views.length > 0, 'the fresh campaign was never counted');
    expect(views).to.not.include('withdrawn');
  });

  it('with no network, a campaign of the copy counts as viewed', async () => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { el, views } = await bannerOnCopy(fault('status/503'), 'kept', 'Kept campaign');
    await waitUntil(() => views.length > 0, 'never counted');
    expect(shown(el)).to.equal('Kept campaign');
    expect(views).to.deep.equal(['kept']);
  });

  it('the fresh feed does not undo the visitor’s progress in an unchanged quiz', async () => {
    const src = fault('slow/1500/test/fixtures/quiz.json');
    await keepFeedCopy(src, await (await fetch(fixture('quiz.json'))).text(), Date.now());
    clearFeedMemory();
    const el = await render<MiQuiz>(html`<mi-quiz src=${src}></mi-quiz>`);
    await waitUntil(() => $(el, '[part="start-button"]'), 'the kept copy never showed');
    $<HTMLButtonElement>(el, '[part="start-button"]')!.click();
    await el.updateComplete;
    $$<HTMLButtonElement>(el, '[part="answer-button"]')[1].click();
    await el.updateComplete;
    const feedback = text($(el, '[part="feedback"]'));
    expect(feedback).to.be.a('string');
    await waitUntil(() => performance.getEntriesByName(src).length > 0, 'no fresh feed', {
      timeout: 5000,
    });
    await new Promise((r) => setTimeout(r, 300)); // read, and rendered in a task of its own
    await el.updateComplete;
    expect(text($(el, '[part="progress"] p'))).to.match(/^Statement 1 of/);
    expect(text($(el, '[part="feedback"]'))).to.equal(feedback);
  });
});
