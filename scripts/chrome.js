// Where a headless Chromium is, for the tests and the benchmarks: $CHROME_PATH, else the
// machine's Chrome/Chromium, else the one inside the @sparticuz/chromium npm package.
// Nothing is downloaded.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHROME_FLAGS = [
  '--no-sandbox', // CI runs as root
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Puppeteer launch options for a headless Chromium. */
export async function chromeLaunchOptions() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (found) return { executablePath: found, headless: true, args: CHROME_FLAGS };
  return pinnedChromeLaunchOptions();
}

/**
 * The Chromium inside the @sparticuz/chromium npm package, whose version package-lock.json
 * pins: the same browser on every machine, for screenshots compared with committed baselines
 * (npm run test:visual). A machine's own Chromium is whatever version its distribution has.
 */
export async function pinnedChromeLaunchOptions() {
  // It unpacks into TMPDIR and reuses what is there: keep it inside the project.
  const cache = fileURLToPath(new URL('../node_modules/.cache/chromium', import.meta.url));
  mkdirSync(cache, { recursive: true });
  process.env.TMPDIR = cache;
  const { default: chromium } = await import('@sparticuz/chromium');
  return {
    executablePath: await chromium.executablePath(),
    headless: 'shell',
    args: [...chromium.args, ...CHROME_FLAGS],
  };
}
