// CHANGELOG.md keeps the Keep a Changelog 1.1.0 shape: an [Unreleased] section on top, releases
// as [x.y.z] - YYYY-MM-DD newest first, the package's version among them, and only the six
// kinds of change, each with at least one entry.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const changelog = readFileSync(new URL('CHANGELOG.md', root), 'utf8');
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const KINDS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];
const RELEASE = /^\[(\d+)\.(\d+)\.(\d+)\] - (\d{4}-\d{2}-\d{2})$/;

/** The `## ` sections, each with its `### ` kinds and their entries. */
function sections() {
  const found = [];
  for (const line of changelog.split('\n')) {
    if (line.startsWith('## ')) found.push({ title: line.slice(3), kinds: [] });
    else if (line.startsWith('### ')) found.at(-1)?.kinds.push({ kind: line.slice(4), entries: 0 });
    else if (line.startsWith('- ')) {
      const kind = found.at(-1)?.kinds.at(-1);
      assert.ok(kind, `an entry outside any kind of change: ${line}`);
      kind.entries++;
    }
  }
  return found;
}

test('the changelog starts with its title and an Unreleased section', () => {
  assert.match(changelog, /^# Changelog\n/);
  assert.equal(sections()[0]?.title, '[Unreleased]');
});

test('releases are versions with dates, newest first, and the package version is one of them', () => {
  const releases = sections()
    .slice(1)
    .map(({ title }) => {
      const match = RELEASE.exec(title);
      assert.ok(match, `not a release heading: "## ${title}"`);
      assert.ok(!Number.isNaN(Date.parse(match[4])), `not a date: ${match[4]}`);
      return { version: match.slice(1, 4).map(Number), name: match.slice(1, 4).join('.') };
    });
  for (let i = 1; i < releases.length; i++) {
    const [a, b] = [releases[i - 1].version, releases[i].version];
    const newer = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    assert.ok(newer > 0, `${releases[i - 1].name} is listed above ${releases[i].name}`);
  }
  assert.ok(
    releases.some((r) => r.name === version),
    `package.json's version ${version} has no section`,
  );
});

test('changes are grouped by the six kinds, once each per section, none empty', () => {
  for (const { title, kinds } of sections()) {
    const names = kinds.map((k) => k.kind);
    for (const name of names) assert.ok(KINDS.includes(name), `${title}: unknown kind "${name}"`);
    assert.equal(new Set(names).size, names.length, `${title}: a kind appears twice`);
    for (const k of kinds) assert.ok(k.entries > 0, `${title}: "${k.kind}" has no entry`);
  }
});
