// The browser the web tests run in: headless Chromium (scripts/chrome.js) with each test file in
// a browser context of its own, created for the file and closed after it.
//
// Why: @web/test-runner-chrome opens every page as a tab of one window in one context, and
// reuses a page for the next file. Then, with more than one file at a time,
// - only the newest tab is visible: the others get no animation frames and no
//   IntersectionObserver callbacks (document.visibilityState is 'hidden'), so whatever waits on a
//   frame or on visibility times out;
// - the files share one localStorage and one Cache API storage (the widgets' kept feed copies,
//   the banner's dismissals), and one HTTP cache, so one file's clearing or writing changes what
//   another one reads.
// A context of its own gives each file its own window (visible and focused, as a lone tab) and
// its own storage, and nothing is left behind for the next file on that page.
import { ChromeLauncher } from '@web/test-runner-chrome';

class FreshContextLauncher extends ChromeLauncher {
  /**
   * Ends the file's session as ChromeLauncher does (coverage, then about:blank to stop its
   * timers), then closes the page with its context instead of keeping the page for the next file.
   * `activePages` is ChromeLauncher's own map (0.18.x): with no page ever kept as inactive,
   * `startSession` creates a new one, in a new context, for each file.
   */
  async stopSession(sessionId) {
    const page = this.activePages.get(sessionId);
    if (!page) throw new Error(`No page for session ${sessionId}`);
    const result = await page.stopSession();
    this.activePages.delete(sessionId);
    await page.puppeteerPage.browserContext().close();
    return result;
  }
}

/** A Chromium launcher for web-test-runner: one fresh browser context per test file. */
export function freshContextLauncher(launchOptions) {
  const launcher = new FreshContextLauncher(
    launchOptions,
    ({ browser }) => browser.defaultBrowserContext(),
    async ({ browser }) => (await browser.createBrowserContext()).newPage(),
  );
  // Another @web/test-runner-chrome may keep its pages elsewhere: say so rather than leak them.
  if (!(launcher.activePages instanceof Map))
    throw new Error('scripts/test-browser.js: ChromeLauncher has no activePages map any more');
  return launcher;
}
