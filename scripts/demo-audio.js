#!/usr/bin/env node
// The demo feed's recordings (demo/audio/*.wav), spoken by espeak-ng from the feed's own texts:
// a news item's title, a quiz statement and a campaign, in Spanish. Run by hand after changing
// one of those texts (`apt-get install espeak-ng`, then `node scripts/demo-audio.js`); the files
// are committed, so neither the build nor the tests need espeak-ng, and nothing is fetched.
//
// espeak-ng writes 16-bit 22,050 Hz WAV; each file is made telephone-sized here — low-passed,
// resampled to 8 kHz, 8-bit mono PCM (8 KB a second; every browser plays PCM WAV) — so the
// three weigh about 110 KB in the repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const feed = JSON.parse(readFileSync('demo/feed.json', 'utf8'));
const info = feed._migration_info;
const item = (id) => feed.items.find((i) => i.id === id);

/** [file, text] — each the text the demo feed shows beside the recording. */
const clips = [
  ['demo/audio/news-hubs-es.wav', item('iom-2022-01-18-hubs-best-practices-es').title],
  ['demo/audio/quiz-smugglers-es.wav', info.quizzes[0].questions[0].statement.es],
  [
    'demo/audio/campaign-think-twice-es.wav',
    `${info.campaigns[0].title.es.replace(/\s*\(.*\)$/, '')}. ${info.campaigns[0].message.es}`,
  ],
];

const RATE = 8000;

/** The 16-bit samples of espeak-ng's WAV (its header's lengths are unset when it streams). */
function samples(wav) {
  let at = 12;
  while (wav.toString('latin1', at, at + 4) !== 'data') at += 8 + wav.readUInt32LE(at + 4);
  const data = wav.subarray(at + 8);
  return Float64Array.from({ length: data.length >> 1 }, (_, i) => data.readInt16LE(i * 2) / 32768);
}

/** Low-pass (windowed sinc) and resample. */
function resample(input, from, to) {
  const cutoff = (0.45 * to) / from;
  const half = 24;
  const out = new Float64Array(Math.floor((input.length * to) / from));
  for (let i = 0; i < out.length; i++) {
    const t = (i * from) / to;
    const n0 = Math.floor(t);
    let sum = 0;
    for (let n = n0 - half; n <= n0 + half; n++) {
      if (n < 0 || n >= input.length) continue;
      const x = t - n;
      const sinc = x === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
      const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / (half + 1));
      sum += input[n] * sinc * window;
    }
    out[i] = sum;
  }
  return out;
}

/** Silence at either end goes; the level is raised to a peak of 0.9. */
function tidy(signal) {
  const loud = (s) => Math.abs(s) > 0.01;
  const start = Math.max(0, signal.findIndex(loud) - RATE / 20);
  const end = Math.min(signal.length, signal.findLastIndex(loud) + RATE / 10);
  const cut = signal.subarray(start, end);
  const peak = cut.reduce((m, s) => Math.max(m, Math.abs(s)), 0) || 1;
  return cut.map((s) => (s / peak) * 0.9);
}

/** An 8-bit unsigned PCM mono WAV file. */
function wav8(signal) {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + signal.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE, 28); // bytes a second
  header.writeUInt16LE(1, 32); // bytes a frame
  header.writeUInt16LE(8, 34); // bits a sample
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(signal.length, 40);
  const body = Buffer.from(
    Array.from(signal, (s) => Math.max(0, Math.min(255, Math.round(128 + s * 127)))),
  );
  return Buffer.concat([header, body]);
}

mkdirSync('demo/audio', { recursive: true });
for (const [file, text] of clips) {
  const spoken = execFileSync('espeak-ng', ['-v', 'es-419', '-s', '155', '--stdout', text]);
  const out = wav8(tidy(resample(samples(spoken), 22050, RATE)));
  writeFileSync(file, out);
  console.log(`${file}: ${(out.length / 1024).toFixed(1)} KB, ${(out.length / RATE).toFixed(1)} s`);
}
