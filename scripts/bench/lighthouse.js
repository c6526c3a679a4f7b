// What a partner sees when it checks its page with Lighthouse (12.2.3, its mobile defaults:
// simulated 4× CPU and mobile network, a Moto G Power's screen): the performance score of the
// bench's article page without widgets, with each widget alone and with all four, as pasted
// from the README (reserve rules, one script tag, the page-level feed).
//
// Lighthouse's layout-shift audits crash on this Chromium, so they are skipped, and the score's
// CLS part (25 of its 100 points) comes from the bench's own CLS of the same page (section 2,
// PerformanceObserver), scored with Lighthouse's own curve for it. The rest — FCP, LCP, total
// blocking time, Speed Index — is Lighthouse's.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { Audit } from 'lighthouse/core/audits/audit.js';
import CumulativeLayoutShift from 'lighthouse/core/audits/metrics/cumulative-layout-shift.js';
import { CHROME_FLAGS, chromeLaunchOptions } from '../chrome.js';
import { median } from './report.js';

const SKIPPED = ['layout-shifts', 'cumulative-layout-shift'];
const CLS_WEIGHT = 25;

/** One Lighthouse run of `url`: its metric scores, and the score with `cls` in its place. */
async function run(port, url, cls) {
  const { lhr } = await lighthouse(url, {
    port,
    onlyCategories: ['performance'],
    skipAudits: SKIPPED,
    output: 'json',
    logLevel: 'error',
  });
  if (lhr.runtimeError) throw new Error(`lighthouse: ${url}: ${lhr.runtimeError.message}`);
  const refs = lhr.categories.performance.auditRefs.filter((ref) => ref.weight > 0);
  const clsScore = Audit.computeLogNormalScore(CumulativeLayoutShift.defaultOptions, cls);
  const weighted = refs.reduce((sum, ref) => sum + ref.weight * lhr.audits[ref.id].score, 0);
  const weights = refs.reduce((sum, ref) => sum + ref.weight, 0);
  return {
    score: (100 * (weighted + CLS_WEIGHT * clsScore)) / (weights + CLS_WEIGHT),
    tbt: lhr.audits['total-blocking-time'].numericValue,
    lcp: lhr.audits['largest-contentful-paint'].numericValue,
  };
}

/**
 * `pages`: [{ name, path, cls }] — `cls` as the bench measured it on that page. Each page
 * `runs` times; medians. `spki`: the bench server's key, which the browser must trust.
 */
export async function lighthouseSection(base, pages, { spki, runs, log }) {
  const { executablePath } = await chromeLaunchOptions();
  const chrome = await chromeLauncher.launch({
    chromePath: executablePath,
    chromeFlags: [
      ...CHROME_FLAGS,
      '--headless=new',
      `--ignore-certificate-errors-spki-list=${spki}`,
    ],
  });
  try {
    const results = [];
    for (const page of pages) {
      const each = [];
      for (let i = 0; i < runs; i++) each.push(await run(chrome.port, base + page.path, page.cls));
      log(
        `lighthouse, ${page.name}: scores ${each.map((r) => r.score.toFixed(0)).join(' ')}, ` +
          `TBT ${each.map((r) => r.tbt.toFixed(0)).join(' ')} ms`,
      );
      results.push({
        ...page,
        score: median(each.map((r) => r.score)),
        tbt: median(each.map((r) => r.tbt)),
        lcp: median(each.map((r) => r.lcp)),
      });
    }
    return results;
  } finally {
    await chrome.kill();
  }
}
