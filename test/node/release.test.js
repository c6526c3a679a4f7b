// `npm run release` in a scratch repository: the package's own release scripts (package.json's
// release/preversion/version/postversion and scripts/release.js), with CI's run skipped.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import process from 'node:process';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bumpFor, release, retarget, unreleased } from '../../scripts/release.js';

const root = new URL('../../', import.meta.url);
const ours = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'mi-release-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const HEAD = `# Changelog

## [Unreleased]
`;
const RELEASED = `
## [0.1.0] - 2026-11-28

### Added

- The first widgets.
`;

const README = `<script src="https://cdn.jsdelivr.net/npm/scratch@0.1/dist/mi-widgets.js"></script>
Pinned: https://cdn.jsdelivr.net/npm/scratch@0.1.0/dist/mi-widgets.js
For example @0.2: https://unpkg.com/scratch@0.2/dist/mi-widgets.js, not scratch@0.10/x.
`;

/** Like `npm run analyze`'s web-types.json: a committed file that names the package's version. */
const ANALYZE = `node -e "const fs = require('fs'); fs.writeFileSync('generated.json', JSON.stringify(require('./package.json').version) + '\\n')"`;

/** A git repository with the package's release scripts, version 0.1.0 and this changelog. */
function repo(name, changelog, { branch = 'main' } = {}) {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  cpSync(new URL('scripts/release.js', root), join(dir, 'scripts/release.js'));
  const { release, preversion, version, postversion } = ours.scripts;
  const pkg = { name: 'scratch', version: '0.1.0', type: 'module', private: true };
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ ...pkg, scripts: { release, preversion, version, postversion, analyze: ANALYZE } }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
  writeFileSync(join(dir, 'README.md'), README);
  writeFileSync(join(dir, 'generated.json'), '"0.1.0"\n');
  // semver, from this package's dependencies
  symlinkSync(new URL('node_modules', root).pathname, join(dir, 'node_modules'));
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
  const git = (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', branch);
  git('config', 'user.email', 'test@example.org');
  git('config', 'user.name', 'Test');
  git('add', '.');
  git('commit', '-qm', 'start');
  return { dir, git };
}

/** `npm run release` there, without running CI. */
function run(dir, ...args) {
  return spawnSync('npm', ['run', '--silent', 'release', '--', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, MI_RELEASE_SKIP_CHECKS: '1' },
  });
}

test('a release moves [Unreleased] under the new version, commits and tags it', () => {
  const { dir, git } = repo(
    'minor',
    `${HEAD}\n### Added\n\n- A quiz.\n\n### Fixed\n\n- A typo.\n${RELEASED}`,
  );
  const result = run(dir);
  assert.equal(result.status, 0, result.stderr + result.stdout);
  assert.equal(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version, '0.2.0');
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(
    readFileSync(join(dir, 'CHANGELOG.md'), 'utf8'),
    `${HEAD}\n## [0.2.0] - ${today}\n\n### Added\n\n- A quiz.\n\n### Fixed\n\n- A typo.\n${RELEASED}`,
  );
  assert.equal(git('tag', '--list'), 'v0.2.0');
  assert.equal(git('log', '-1', '--format=%s'), 'release: v0.2.0');
  assert.equal(git('cat-file', '-t', 'v0.2.0'), 'tag', 'an annotated tag');
  assert.equal(git('status', '--porcelain'), '', 'everything committed');
  assert.match(result.stdout, /Nothing was pushed or published/);
  assert.equal(
    readFileSync(join(dir, 'README.md'), 'utf8'),
    README.replace('scratch@0.1/', 'scratch@0.2/').replace('scratch@0.1.0/', 'scratch@0.2.0/'),
    "the docs' CDN URLs name the new version",
  );
  assert.equal(readFileSync(join(dir, 'generated.json'), 'utf8'), '"0.2.0"\n', 'analyze ran');
});

test('fixes alone make a patch release', () => {
  const { dir } = repo('patch', `${HEAD}\n### Fixed\n\n- A typo.\n${RELEASED}`);
  assert.equal(run(dir).status, 0);
  assert.equal(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version, '0.1.1');
});

test('a dirty tree, another branch or an empty [Unreleased] stop it with nothing changed', () => {
  const dirty = repo('dirty', `${HEAD}\n### Fixed\n\n- A typo.\n${RELEASED}`);
  writeFileSync(join(dirty.dir, 'stray.txt'), 'x');
  const r1 = run(dirty.dir);
  assert.notEqual(r1.status, 0);
  assert.match(r1.stderr, /not clean/);

  const branch = repo('branch', `${HEAD}\n### Fixed\n\n- A typo.\n${RELEASED}`, {
    branch: 'feature',
  });
  const r2 = run(branch.dir);
  assert.notEqual(r2.status, 0);
  assert.match(r2.stderr, /from main, not "feature"/);

  const empty = repo('empty', `${HEAD}${RELEASED}`);
  const r3 = run(empty.dir);
  assert.notEqual(r3.status, 0);
  assert.match(r3.stderr, /nothing to release/);

  for (const { dir, git } of [dirty, branch, empty]) {
    assert.equal(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version, '0.1.0');
    assert.equal(git('tag', '--list'), '');
    assert.equal(git('log', '--format=%s'), 'start');
  }
});

test('a smaller bump than the changes call for is refused; --dry-run changes nothing', () => {
  const { dir, git } = repo('asked', `${HEAD}\n### Added\n\n- A quiz.\n${RELEASED}`);
  const refused = run(dir, 'patch');
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /call for a minor release, not patch/);
  const dry = run(dir, 'major', '--dry-run');
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /0\.1\.0 → 1\.0\.0/);
  assert.equal(git('status', '--porcelain'), '');
  assert.equal(git('tag', '--list'), '');
});

test('retarget moves the range and the exact version only', () => {
  const text = 'x@1.4/a x@1.4.2/b x@1.4.20/c x@1.40/d x@1.3/e';
  assert.equal(
    retarget(text, 'x', '1.4.2', '1.5.0'),
    'x@1.5/a x@1.5.0/b x@1.4.20/c x@1.40/d x@1.3/e',
  );
});

test('the bump follows the kinds of change; before 1.0 a breaking change is a minor one', () => {
  assert.equal(bumpFor('### Fixed\n\n- x\n\n### Security\n\n- y\n', '1.2.3'), 'patch');
  assert.equal(bumpFor('### Deprecated\n\n- x\n', '1.2.3'), 'minor');
  assert.equal(bumpFor('### Removed\n\n- x\n', '1.2.3'), 'major');
  assert.equal(bumpFor('### Changed\n\n- **Breaking**: `src` is required.\n', '1.2.3'), 'major');
  assert.equal(bumpFor('### Removed\n\n- x\n', '0.4.1'), 'minor');
  assert.equal(bumpFor('\n', '1.2.3'), undefined);
});

test("this package's changelog can be released: [Unreleased] has entries and no version clash", () => {
  const changelog = readFileSync(new URL('CHANGELOG.md', root), 'utf8');
  if (!unreleased(changelog).trim()) return; // just released: nothing pending is fine
  const bump = bumpFor(unreleased(changelog), ours.version);
  assert.ok(bump, '[Unreleased] has text but no entries under a kind of change');
  const released = release(changelog, '9.9.9', '2099-01-01');
  assert.match(released, /^## \[Unreleased\]\n\n## \[9\.9\.9\] - 2099-01-01\n/m);
});

test("the docs' snippets name this version's CDN path, and no placeholder host", () => {
  const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
  // (the tests name it to look for it)
  const texts = tracked.filter(
    (f) => /\.(md|mdx|html|ts|js)$/.test(f) && f !== 'CHANGELOG.md' && !f.startsWith('test/'),
  );
  for (const file of texts)
    assert.doesNotMatch(readFileSync(new URL(file, root), 'utf8'), /YOUR-CDN/, file);
  const range = ours.version.split('.').slice(0, 2).join('.');
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  assert.ok(
    readme.includes(`src="https://cdn.jsdelivr.net/npm/${ours.name}@${range}/dist/mi-widgets.js"`),
    `the README's snippet loads ${ours.name}@${range} from jsDelivr`,
  );
});
