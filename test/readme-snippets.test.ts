import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { $, $$, fixture, reached, resetFeeds, text } from './helpers.js';

/**
 * The README's copy-paste snippets for a plain HTML page and a WordPress Custom HTML block
 * (`<!-- example: html -->`, `<!-- example: wordpress -->`), pasted into this page as they are,
 * but for the two URLs a test cannot reach: the CDN's release folder is served from this
 * checkout's build (dist/, `npm test` builds it first) and the example feed is the demo feed.
 */
const CDN = 'https://cdn.jsdelivr.net/npm/migration-info-widgets@0.1/';
const FEED = 'https://example.org/migration/feed.json';

async function readmeExample(name: string): Promise<string> {
  const readme = await (await fetch('/README.md')).text();
  const block = new RegExp(`<!-- example: ${name} -->\\s*\`\`\`html\\n([\\s\\S]*?)\\n\`\`\``).exec(
    readme,
  );
  expect(block, `README example ${name}`).to.exist;
  const snippet = block![1];
  expect(snippet).to.include(`${CDN}dist/mi-widgets.js`);
  expect(snippet).to.include(FEED);
  return snippet
    .replaceAll(CDN, new URL('/', location.href).href)
    .replaceAll(FEED, fixture('../../demo/feed.json'));
}

/** Pastes HTML as a CMS block does: its scripts run (a contextual fragment's scripts do). */
function paste(html: string): HTMLElement {
  const block = document.createElement('div');
  block.append(document.createRange().createContextualFragment(html));
  document.body.append(block);
  return block;
}

describe('the README’s snippets', () => {
  before(resetFeeds);

  it('plain HTML: the news feed renders from its feed, and the page’s listener hears its event', async () => {
    const log = sinon.stub(console, 'log');
    try {
      const block = paste(await readmeExample('html'));
      const el = () => block.querySelector('mi-news-feed');
      await reached(el, 'ready');
      expect($$(el()!, '[part="item"]')).to.have.length(3);
      $<HTMLButtonElement>(el()!, '[part="more-button"]')!.click();
      await waitUntil(() => log.called, 'the snippet’s listener did not log');
      expect(log.firstCall.args[0]).to.match(/^Showing 6 of \d+ news items$/);
      await expect(el()!).to.be.accessible();
      block.remove();
    } finally {
      log.restore();
    }
  });

  it('WordPress: the Custom HTML block’s hub locator renders, in Spanish, for its country', async () => {
    const block = paste(await readmeExample('wordpress'));
    const el = () => block.querySelector('mi-hub-locator');
    await reached(el, 'ready');
    expect(el()!.getAttribute('country')).to.equal('gt');
    expect($$(el()!, '[part="hub"]').length).to.be.greaterThan(0);
    expect(text($(el()!, '[part="hub-name"]'))).to.match(/^Centro de Información/);
    await expect(el()!).to.be.accessible();
    block.remove();
  });
});
