// The one place where the benchmark opens a page: a fresh browser context (empty HTTP cache,
// empty localStorage — where the widgets keep an offline copy of the feed, which would
// otherwise make every load after the first instant), a mobile phone's viewport, and the CPU
// and network emulations asked for.
import puppeteer from 'puppeteer-core';
import { chromeLaunchOptions } from '../chrome.js';

/** A mid-range Android phone, as Lighthouse's mobile preset has it (Moto G Power). */
export const MOBILE_VIEWPORT = {
  width: 412,
  height: 823,
  deviceScaleFactor: 2.625,
  isMobile: true,
  hasTouch: true,
};

/** CPU slowdown for a cheap Android phone, as Lighthouse's mobile preset applies. */
export const PHONE_CPU = 4;

/**
 * DevTools' "Slow 3G" preset: 2,000 ms of latency added to every request, 400 kbit/s
 * (50,000 bytes/s) down and up.
 */
export const SLOW_3G = {
  offline: false,
  latency: 2000,
  downloadThroughput: 50_000,
  uploadThroughput: 50_000,
};

/**
 * Lighthouse's mobile network (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up) as Lighthouse
 * applies it with DevTools throttling: latency × 3.75, throughput × 0.9.
 */
export const LIGHTHOUSE_MOBILE_NETWORK = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 0.9 * 1024) / 8,
  uploadThroughput: (750 * 0.9 * 1024) / 8,
};

/** The bench's browser, trusting the certificate of the bench's server (`server.spki`, bench/server.js). */
export async function launchBrowser({ spki } = {}) {
  const options = await chromeLaunchOptions();
  if (spki) options.args = [...options.args, `--ignore-certificate-errors-spki-list=${spki}`];
  return puppeteer.launch(options);
}

/**
 * A new page in a new browser context with the mobile viewport and user agent.
 * `cpu`: slowdown factor (1 = none); `network`: CDP network conditions (e.g. {@link SLOW_3G});
 * `cacheDisabled`: as DevTools' "Disable cache". Resolves to { page, cdp, close }.
 */
export async function openPage(browser, { cpu = 1, network, cacheDisabled = false } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  page.on('pageerror', (error) => process.stderr.write(`  page error: ${error.message}\n`));
  page.on('response', (response) => {
    if (response.status() >= 400)
      process.stderr.write(`  HTTP ${response.status()}: ${response.url()}\n`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error')
      process.stderr.write(`  console error in page: ${message.text()}\n`);
  });
  const cdp = await page.createCDPSession();
  const major = (await browser.version()).match(/\/(\d+)/)?.[1] ?? '0';
  await page.setUserAgent(
    `Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Mobile Safari/537.36`,
  );
  await page.setViewport(MOBILE_VIEWPORT);
  await setCpu(page, cpu);
  if (network || cacheDisabled) await cdp.send('Network.enable');
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  if (cacheDisabled) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { page, cdp, close: () => context.close() };
}

/** Change the CPU slowdown of an open page (1 = none). */
export function setCpu(page, factor) {
  return page.emulateCPUThrottling(factor > 1 ? factor : null);
}

/** A full garbage collection in the page, now. */
export async function collectGarbage(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage'); // a second pass frees what the first unlinked
}

/**
 * Bytes of JS heap still in use after a forced garbage collection: the page's, and with `page`
 * its workers' too (the feed reader's worker keeps a feed's hubs).
 */
export async function heapAfterGc(cdp, page) {
  let used = 0;
  for (const session of [cdp, ...(page ? page.workers().map((worker) => worker.client) : [])]) {
    await collectGarbage(session);
    used += (await session.send('Runtime.getHeapUsage')).usedSize;
  }
  return used;
}
