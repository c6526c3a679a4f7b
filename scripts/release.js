#!/usr/bin/env node
// A release: `npm run release` (or `npm run release -- minor`, `-- 1.2.3`, `-- --dry-run`).
//
// The changes are already written: every commit that changes something adds its entry under
// CHANGELOG.md's [Unreleased] (test/node/changelog.test.js keeps the format). A release turns
// that section into a version with `npm version`, whose lifecycle does the rest:
//
//   npm run release    → reads [Unreleased], decides the bump, runs `npm version <bump>`
//   preversion         → `release.js preflight`: on main, a clean tree, a new tag, then the whole
//                        of CI (.ci/run: clean install, lint, translations, types, build, size,
//                        tests, stories, pictures)
//   version            → `release.js changelog`: [Unreleased] becomes [x.y.z] - today, above
//                        it a new empty [Unreleased]; the CDN URLs of the old version in the
//                        docs, demo and schema `$id` (`…/migration-info-widgets@0.1/…`,
//                        `…@0.1.0/…`) name the new one; `npm run analyze` writes the files
//                        generated from the package (web-types.json names its version); all
//                        staged with package.json and the lock
//   npm version        → commits "release: vx.y.z" and tags vx.y.z (annotated)
//   postversion        → says what is left: pushing and publishing are a person's decision,
//                        never this script's (nothing here publishes).
//
// The bump comes from the kinds of change (https://semver.org): Removed, or an entry marked
// **Breaking**, is a major change; Added, Changed or Deprecated a minor one; Fixed and Security
// alone a patch. Before 1.0.0 a major change bumps the minor version (0.1 → 0.2), since `^0.1`
// ranges take every 0.1.x and only those.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const CHANGELOG = 'CHANGELOG.md';
const UNRELEASED = '## [Unreleased]';
const BUMPS = ['patch', 'minor', 'major'];

/** The text of the [Unreleased] section, without its heading. */
export function unreleased(changelog) {
  const start = changelog.indexOf(`${UNRELEASED}\n`);
  if (start < 0) throw new Error(`${CHANGELOG} has no "${UNRELEASED}" section`);
  const body = changelog.slice(start + UNRELEASED.length + 1);
  const next = body.search(/^## /m);
  return next < 0 ? body : body.slice(0, next);
}

/** The kinds of change in a section, with their entries' first lines. */
function kinds(section) {
  const found = new Map();
  let kind;
  for (const line of section.split('\n')) {
    if (line.startsWith('### ')) found.set((kind = line.slice(4).trim()), []);
    else if (line.startsWith('- ') && kind) found.get(kind).push(line);
  }
  return found;
}

/** The bump a section's changes call for, and for 0.x versions the one semver ranges need. */
export function bumpFor(section, version) {
  const found = kinds(section);
  const entries = [...found.values()].flat();
  if (!entries.length) return undefined;
  let bump = 'patch';
  if (['Added', 'Changed', 'Deprecated'].some((k) => found.get(k)?.length)) bump = 'minor';
  if (found.get('Removed')?.length || entries.some((e) => /\*\*Breaking\*\*/i.test(e)))
    bump = 'major';
  if (bump === 'major' && version.startsWith('0.')) bump = 'minor';
  return bump;
}

/** The changelog with [Unreleased] released as `version` on `date`, and a new empty one. */
export function release(changelog, version, date) {
  if (!unreleased(changelog).trim()) throw new Error(`${CHANGELOG}: [Unreleased] is empty`);
  if (changelog.includes(`## [${version}]`))
    throw new Error(`${CHANGELOG} already has a [${version}] section`);
  return changelog.replace(`${UNRELEASED}\n`, `${UNRELEASED}\n\n## [${version}] - ${date}\n`);
}

/** A version's minor range, as the CDN URLs name it: `0.1.3` → `0.1`. */
const minorRange = (version) => version.split('.').slice(0, 2).join('.');

/**
 * `text` with the package's CDN URLs moved from version `from` to `to`: the minor range
 * (`migration-info-widgets@0.1/`) and the exact version (`@0.1.0/`). Other versions named as
 * examples stay.
 */
export function retarget(text, name, from, to) {
  const at = (v) => `${name}@${v}`.replace(/[.]/g, '\\.');
  return text
    .replace(new RegExp(`${at(from)}(?=/)`, 'g'), `${name}@${to}`)
    .replace(new RegExp(`${at(minorRange(from))}(?=/)`, 'g'), `${name}@${minorRange(to)}`);
}

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const fail = (message) => {
  console.error(`release: ${message}`);
  process.exit(1);
};
const today = () => new Date().toISOString().slice(0, 10);
const pkg = () => JSON.parse(readFileSync('package.json', 'utf8'));

/** `npm run release [-- <bump|version>] [-- --dry-run]` */
function start(args) {
  const dryRun = args.includes('--dry-run');
  const asked = args.find((a) => !a.startsWith('--'));
  const { version } = pkg();
  const section = unreleased(readFileSync(CHANGELOG, 'utf8'));
  const bump = bumpFor(section, version);
  if (!bump) fail(`nothing to release: ${CHANGELOG} has no entries under [Unreleased]`);
  const target = asked ?? bump;
  if (!BUMPS.includes(target) && !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(target))
    fail(`"${target}" is neither ${BUMPS.join(', ')} nor a version`);
  if (BUMPS.includes(target) && BUMPS.indexOf(target) < BUMPS.indexOf(bump))
    fail(`the changes call for a ${bump} release, not ${target}`);
  const next = BUMPS.includes(target) ? semver.inc(version, target) : target;
  if (!semver.gt(next, version)) fail(`${next} is not newer than ${version}`);
  if (git('tag', '--list', `v${next}`)) fail(`the tag v${next} exists already`);
  console.log(`release: ${version} → ${next} (the changes call for a ${bump} release)`);
  if (dryRun) return;
  const npm = spawnSync('npm', ['version', next, '-m', 'release: v%s'], { stdio: 'inherit' });
  process.exit(npm.status ?? 1);
}

/** `preversion`: everything that must hold before the version changes. */
function preflight() {
  if (git('status', '--porcelain')) fail('the working tree is not clean');
  const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
  if (branch !== 'main' && !process.env.MI_RELEASE_BRANCH_OK)
    fail(`releases are made from main, not "${branch}"`);
  if (process.env.MI_RELEASE_SKIP_CHECKS) {
    console.log('release: MI_RELEASE_SKIP_CHECKS is set: not running .ci/run');
    return;
  }
  const ci = spawnSync('bash', ['.ci/run'], { stdio: 'inherit' });
  if (ci.status !== 0) fail('.ci/run failed: nothing was changed');
  if (git('status', '--porcelain')) fail('.ci/run left the working tree changed');
}

/**
 * `version`: npm has bumped package.json; the changelog and the CDN URLs follow, staged for
 * npm's commit. The old version is the one in the last commit.
 */
function changelog() {
  const { name, version } = pkg();
  const before = JSON.parse(git('show', 'HEAD:package.json')).version;
  writeFileSync(CHANGELOG, release(readFileSync(CHANGELOG, 'utf8'), version, today()));
  git('add', CHANGELOG);
  const named = spawnSync('git', ['grep', '-l', '-F', `${name}@${minorRange(before)}`], {
    encoding: 'utf8',
  }).stdout;
  for (const file of named.split('\n').filter(Boolean)) {
    if (file === CHANGELOG || file === 'package-lock.json') continue;
    writeFileSync(file, retarget(readFileSync(file, 'utf8'), name, before, version));
    git('add', file);
  }
  // What is generated from the package and its version (web-types.json names it; the manifest
  // holds the schema's $id), written again and staged.
  if (pkg().scripts?.analyze) {
    const analyze = spawnSync('npm', ['run', '--silent', 'analyze'], { stdio: 'inherit' });
    if (analyze.status !== 0) fail('npm run analyze failed');
    git('add', '--update');
  }
}

function done() {
  const { version } = pkg();
  console.log(`release: committed and tagged v${version}. Nothing was pushed or published.
  Review it (git show v${version}), then: git push --follow-tags && npm publish`);
}

const steps = { preflight, changelog, done };
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const [step, ...rest] = process.argv.slice(2);
  (steps[step] ?? (() => start(process.argv.slice(2))))(rest);
}
