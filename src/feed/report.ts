/**
 * Problems in words, for people: one line per problem, one line per list, and the console group
 * that tells a webmaster what the reader did with a feed. A chunk of its own in the bundle: only a
 * page whose feed has problems loads it.
 */
import type { Problem } from './problems.js';

/** One problem on one line: `items[3].image: expected an http(s) URL, found "ftp://x" → field dropped`. */
export function describeProblem(p: Problem): string {
  const what = p.outcome === 'value normalized' ? `read as ${p.normalized}` : p.outcome;
  const dropped = p.dropped ? ` (${p.dropped})` : '';
  return `${p.path || '(the document)'}: expected ${p.expected}, found ${p.found} → ${what}${dropped}${p.note ? `; ${p.note}` : ''}`;
}

const ENTRY_WORDS: Record<string, [string, string]> = {
  items: ['news item', 'news items'],
  questions: ['statement', 'statements'],
  quizzes: ['quiz', 'quizzes'],
  features: ['hub', 'hubs'],
  campaigns: ['campaign', 'campaigns'],
};

/** `items[3] (id "x")` → `news item`; `_migration_info.quizzes[0].questions[2]` → `statement`. */
function entryKind(entry: string): [string, string] {
  const list = /([A-Za-z_]+)\[\d+\][^[]*$/.exec(entry.replace(/ \(id .*\)$/, ''))?.[1];
  return (list && ENTRY_WORDS[list]) || ['entry', 'entries'];
}

const count = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

/**
 * One line on a list of problems, for the console and the configurator:
 * `3 problems: 2 fields dropped, 1 hub dropped`; `no problems` for none.
 */
export function summarizeProblems(problems: readonly Problem[]): string {
  if (!problems.length) return 'no problems';
  const parts = new Map<string, number>();
  const add = (label: string) => parts.set(label, (parts.get(label) ?? 0) + 1);
  const droppedEntries = new Set<string>();
  for (const p of problems) {
    if (p.outcome === 'document unusable') add('document unusable');
    else if (p.outcome === 'field dropped') add('field dropped');
    else if (p.outcome === 'value normalized') add('value normalized');
    else if (!droppedEntries.has(p.entry)) {
      droppedEntries.add(p.entry);
      add(`entry dropped:${entryKind(p.entry).join('|')}`);
    }
  }
  const words = (label: string): [string, string] => {
    if (label === 'field dropped') return ['field dropped', 'fields dropped'];
    if (label === 'value normalized') return ['value normalized', 'values normalized'];
    if (label === 'document unusable') return ['document unusable', 'document unusable'];
    const [one, many] = label.slice('entry dropped:'.length).split('|');
    return [`${one} dropped`, `${many} dropped`];
  };
  const details = [...parts].map(([label, n]) =>
    label === 'document unusable' ? 'the document is unusable' : count(n, words(label)),
  );
  return `${count(problems.length, ['problem', 'problems'])}: ${details.join(', ')}`;
}

/**
 * Tell the webmaster what the reader did with a feed: one collapsed console group — how many
 * problems, each one, and the command that lists them all.
 */
export function logProblems(url: string, problems: readonly Problem[]): void {
  if (!problems.length) return;
  const unusable = problems.some((p) => p.outcome === 'document unusable');
  const log = unusable ? console.error : console.warn;
  console.groupCollapsed(`[mi-widgets] ${url}: ${summarizeProblems(problems)}`);
  for (const problem of problems) log(describeProblem(problem));
  console.info(`Every problem, with what to change: npx mi-feed validate ${url}`);
  console.groupEnd();
}
