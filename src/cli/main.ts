/// <reference types="node" />
/**
 * `mi-feed`: tools for the people who publish a Migration Info Widgets feed.
 *
 *   mi-feed validate <file-or-url>            every problem, and what each widget would show
 *   mi-feed hubs-from-csv <file.csv> [--out]  a spreadsheet of hubs → GeoJSON for the feed
 *   mi-feed split <feed> --out <dir>          a big feed's hubs → one file per country
 *
 * `main` runs one command line and returns its exit code; `bin/mi-feed.js` is the shim that
 * hands it `process.argv` and the process's streams. Commands are loaded when they run.
 */
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { escapeControl, EXIT, UsageError, writeLine, type ExitCode, type Io } from './io.js';

const INTRO = `mi-feed — check a Migration Info Widgets feed, build its hubs from a spreadsheet,
and split them into a file per country`;

const CSV_USAGE = 'mi-feed hubs-from-csv <file.csv> [--out <file.geojson>] [--lang <tag>]';

const EXIT_CODES = `Exit codes:
  0  no problems (validate); every row and value written, some perhaps in their normal
     form, e.g. a phone without its spaces (hubs-from-csv); the hub files and the feed
     written (split)
  1  problems: a value normalized, a field or an entry dropped (validate); a row or a value
     left out (hubs-from-csv)
  2  a document the widgets cannot use (not JSON, not a feed), input that cannot be read
     (missing, a directory, over --max-size, a network error or timeout, not UTF-8), a sheet
     without the required columns, a feed with no hubs of its own to split (already split),
     an --out that cannot be written, or a usage error
`;

async function help(command?: Command): Promise<string> {
  const usage = (...lines: string[]) => `Usage:\n${lines.map((l) => `  ${l}\n`).join('')}`;
  const section = (text: string) => `${text.trimEnd()}\n`;
  // Only the module whose help is asked for: a command's help works even if the other cannot load.
  if (command === 'validate') {
    const { VALIDATE_HELP, VALIDATE_USAGE } = await import('./validate.js');
    return [usage(VALIDATE_USAGE), section(VALIDATE_HELP), EXIT_CODES].join('\n');
  }
  if (command === 'split') {
    const { SPLIT_HELP, SPLIT_USAGE } = await import('./split.js');
    return [usage(SPLIT_USAGE), section(SPLIT_HELP), EXIT_CODES].join('\n');
  }
  const { CSV_HELP } = await import('./hubs-from-csv.js');
  if (command === 'hubs-from-csv') {
    return [usage(CSV_USAGE), section(CSV_HELP), EXIT_CODES].join('\n');
  }
  const { VALIDATE_HELP, VALIDATE_USAGE } = await import('./validate.js');
  const { SPLIT_HELP, SPLIT_USAGE } = await import('./split.js');
  return [
    `${INTRO}\n`,
    usage(VALIDATE_USAGE, CSV_USAGE, SPLIT_USAGE, 'mi-feed --help | --version'),
    section(VALIDATE_HELP),
    section(CSV_HELP),
    section(SPLIT_HELP),
    EXIT_CODES,
  ].join('\n');
}

async function version(): Promise<string> {
  const pkg = JSON.parse(
    await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return pkg.version;
}

const COMMANDS = ['validate', 'hubs-from-csv', 'split'] as const;
type Command = (typeof COMMANDS)[number];
const isCommand = (word: string): word is Command => (COMMANDS as readonly string[]).includes(word);

async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [command, ...args] = argv;
  if (command === undefined) {
    io.stderr.write(await help());
    return EXIT.unusable;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const about = args[0];
    if (command === 'help' && about !== undefined && !isCommand(about)) {
      throw new UsageError(
        `no help on "${escapeControl(about)}": the commands are ${COMMANDS.join(', ')}`,
      );
    }
    io.stdout.write(await help(about as Command | undefined));
    return EXIT.ok;
  }
  if (command === '--version' || command === '-v' || command === '-V') {
    writeLine(io.stdout, await version());
    return EXIT.ok;
  }
  if (!isCommand(command)) {
    throw new UsageError(
      command.startsWith('-')
        ? `unknown option "${escapeControl(command)}" (a command first: ${COMMANDS.join(', ')})`
        : `unknown command "${escapeControl(command)}" (the commands are ${COMMANDS.join(', ')})`,
    );
  }
  // `--help` anywhere before a `--`.
  const end = args.indexOf('--');
  if ((end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')) {
    io.stdout.write(await help(command));
    return EXIT.ok;
  }
  if (command === 'validate') {
    const { validate } = await import('./validate.js');
    return validate(args, io);
  }
  if (command === 'split') {
    const { split } = await import('./split.js');
    return split(args, io);
  }
  const { hubsFromCsv } = await import('./hubs-from-csv.js');
  return hubsFromCsv(args, io);
}

/** `Unknown option '--colour'. To specify a positional …` → `unknown option '--colour'`. */
function parseArgsMessage(message: string): string {
  const first = message.split(/\.\s/, 1)[0].replace(/\.$/, '');
  return escapeControl(first.charAt(0).toLowerCase() + first.slice(1));
}

/**
 * Run one `mi-feed` command line (without `node` and the script). Never throws: a usage error
 * is one line and a hint on stderr; anything unexpected is one line too, with its stack only
 * when `MI_FEED_DEBUG=1`.
 */
export async function main(
  argv: readonly string[],
  io: Io,
  env: Record<string, string | undefined> = process.env,
): Promise<ExitCode> {
  try {
    return await run(argv, io);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof UsageError) {
      writeLine(io.stderr, `mi-feed: ${error.message}`);
    } else if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      writeLine(io.stderr, `mi-feed: ${parseArgsMessage((error as Error).message)}`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      writeLine(
        io.stderr,
        `mi-feed: unexpected error: ${escapeControl(message.split('\n', 1)[0] || String(error))}`,
      );
      if (env.MI_FEED_DEBUG === '1') {
        writeLine(io.stderr, error instanceof Error ? (error.stack ?? message) : String(error));
      } else {
        writeLine(io.stderr, 'Run it again with MI_FEED_DEBUG=1 for the details.');
      }
      return EXIT.unusable;
    }
    writeLine(io.stderr, 'Try: mi-feed --help');
    return EXIT.unusable;
  }
}
