// The browser the web tests run in: headless Chromium (scripts/chrome.js), where test files that
// run at the same time share nothing, and a file finds nothing of the file before it.
//
// @web/test-runner-chrome opens every page as a tab of one window in one browser context. With
// more than one file at a time,
// - only the newest tab is visible: the others get no animation frames and no
//   IntersectionObserver callbacks (document.visibilityState is 'hidden'), so whatever waits on a
//   frame or on visibility times out;
// - the files share one localStorage, one Cache API storage (the widgets' kept feed copies, the
//   banner's dismissals) and one HTTP cache, so one file's clearing or writing changes what
//   another one reads.
// Here each page has a browser context of its own: a window of its own, visible and focused as a
// lone tab, and storage no other page sees. The runner still gives a page to one file after
// another (a new page for each file costs about a second of a busy two-core machine, a new
// renderer); between two files the page is wiped: its origin's storage (localStorage,
// sessionStorage, Cache API, IndexedDB, cookies, service workers), its HTTP cache and its
// emulated media. Not wiped: what a frame of another origin kept, which the browser files under
// this page's site (no test keeps anything there).
import { ChromeLauncher } from '@web/test-runner-chrome';

class IsolatingChromeLauncher extends ChromeLauncher {
  /** The origin of each running session's test page. */
  origins = new Map();

  async startSession(sessionId, url) {
    this.origins.set(sessionId, new URL(url).origin);
    return super.startSession(sessionId, url);
  }

  /** Ends the session as ChromeLauncher does (the page goes to about:blank), then wipes the page. */
  async stopSession(sessionId) {
    const page = this.getPage(sessionId);
    const origin = this.origins.get(sessionId);
    this.origins.delete(sessionId);
    const cdp = await page.createCDPSession();
    try {
      // sessionStorage belongs to the tab and its origin: cleared while the page is still there.
      await cdp.send('DOMStorage.enable');
      await cdp.send('DOMStorage.clear', {
        storageId: { securityOrigin: origin, isLocalStorage: false },
      });
      const result = await super.stopSession(sessionId);
      // Both cleared for this page's context only (each page has its own).
      await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
      await cdp.send('Network.clearBrowserCache');
      await page.emulateMediaType();
      await page.emulateMediaFeatures();
      return result;
    } finally {
      await cdp.detach();
    }
  }
}

/**
 * A Chromium launcher for web-test-runner: a browser context per page, wiped between two files
 * (the runner starts the next file on a page only once this has resolved).
 */
export function isolatingLauncher(launchOptions) {
  return new IsolatingChromeLauncher(
    launchOptions,
    ({ browser }) => browser.defaultBrowserContext(),
    async ({ browser }) => (await browser.createBrowserContext()).newPage(),
  );
}
