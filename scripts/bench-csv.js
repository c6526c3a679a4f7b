/**
 * `mi-feed hubs-from-csv` on a big sheet: rows per second and peak memory.
 *
 *   npx tsc -p tsconfig.lib.json && node scripts/bench-csv.js [rows] [--heap <MB>|--no-cap] [--keep]
 *
 * Writes a sheet of `rows` hubs (default 1,000,000; every column filled, ids unique) to a
 * temporary folder, converts it in a child process whose V8 heap is capped (`--max-old-space-size`
 * = 64 MB: a conversion that kept its rows, its input or its output would run out of memory
 * long before the end), and prints the time, the rows per second and the child's peak resident
 * memory (`process.resourceUsage().maxRSS`). `--heap` sets another cap; `--no-cap` runs with
 * Node's defaults, as a publisher does; `--keep` leaves the files.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const HEAP_MB = 64;

/** A sheet of `rows` hubs, streamed to `file`. */
export async function writeSheet(file, rows) {
  const out = createWriteStream(file);
  out.write(
    'id,name,organization,country,latitude,longitude,services,languages,phone,email,url,timezone,hours,notes\n',
  );
  for (let i = 1; i <= rows; i++) {
    const lat = (14 + (i % 1000) / 1000).toFixed(4);
    const lon = (-90.5 + (i % 700) / 1000).toFixed(4);
    const row =
      `hub-${i},Centro ${i},Municipalidad ${i % 97},GT,${lat},${lon},information;legal,es;kek,` +
      `+50222334455,info@example.org,https://example.org/${i},America/Guatemala,` +
      `mo-fr 08:00-16:00; sa 08:00-12:00,"Note ${i}, with a comma"\n`;
    if (!out.write(row)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

/**
 * Convert `input` to `output` in a child process with a capped heap; resolves with its exit
 * code, its time and its peak memory (MB), and what it said on stderr.
 */
export async function convertInChild(input, output, heapMb = HEAP_MB) {
  const cap = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const module = new URL('../lib/cli/hubs-from-csv.js', import.meta.url).href;
  const code = `
    import { hubsFromCsv } from ${JSON.stringify(module)};
    const start = performance.now();
    const io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
    const code = await hubsFromCsv([${JSON.stringify(input)}, '--out', ${JSON.stringify(output)}], io);
    const ms = performance.now() - start;
    process.stderr.write('\\nRESULT ' + JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\\n');
  `;
  const child = spawn(process.execPath, [...cap, '--input-type=module', '-e', code], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  const [exit] = await once(child, 'close');
  const result = /^RESULT (.*)$/m.exec(stderr);
  if (!result) throw new Error(`the conversion failed (exit ${exit}):\n${stderr.slice(-2000)}`);
  return { ...JSON.parse(result[1]), stderr: stderr.replace(/\nRESULT .*\n$/, '') };
}

async function main() {
  const args = process.argv.slice(2);
  const heapAt = args.indexOf('--heap');
  const heapMb = args.includes('--no-cap') ? 0 : heapAt === -1 ? HEAP_MB : Number(args[heapAt + 1]);
  const rows = Number(
    args.find((a, i) => /^\d+$/.test(a) && (heapAt === -1 || i !== heapAt + 1)) ?? 1_000_000,
  );
  const keep = args.includes('--keep');
  const dir = await mkdtemp(join(tmpdir(), 'bench-csv-'));
  try {
    const input = join(dir, 'hubs.csv');
    const output = join(dir, 'hubs.geojson');
    let start = performance.now();
    await writeSheet(input, rows);
    const inputMb = (await stat(input)).size / 1024 ** 2;
    console.log(
      `sheet: ${rows.toLocaleString('en')} rows, ${inputMb.toFixed(0)} MB, written in ` +
        `${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    start = performance.now();
    const { code, ms, maxRssMb, stderr } = await convertInChild(input, output, heapMb);
    const outputMb = (await stat(output)).size / 1024 ** 2;
    console.log(stderr.trim());
    console.log(
      `hubs-from-csv: exit ${code}, ${(ms / 1000).toFixed(1)} s, ` +
        `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s, ` +
        `peak RSS ${maxRssMb.toFixed(0)} MB ` +
        `(${heapMb ? `V8 heap capped at ${heapMb} MB` : 'no heap cap'}), ` +
        `output ${outputMb.toFixed(0)} MB`,
    );
    if (keep) console.log(`files kept in ${dir}`);
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
