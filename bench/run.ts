/**
 * `npm run bench -- [name…]`: runs bench/<name>.bench.ts for each name (all when none is given),
 * prints a table per benchmark and one final JSON line. A benchmark is one file exporting
 * `run(): Promise<BenchResult>` (and a `description`); nothing here needs to change to add one.
 * Targets are reported as PASS/FAIL; the exit code is non-zero only when something crashed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchModule, BenchResult } from './types';

const SUFFIX = '.bench.js';

function available(): string[] {
  return readdirSync(__dirname)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
}

function load(name: string): BenchModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(__dirname, `${name}${SUFFIX}`)) as Partial<BenchModule>;
  if (typeof mod.run !== 'function') throw new Error(`bench/${name}.bench.ts does not export run()`);
  return { description: mod.description ?? '', run: mod.run };
}

function table(result: BenchResult): string {
  const header = ['measurement', 'value', 'detail'];
  const lines = result.rows.map((r) => [r.label, r.value, r.detail ?? '']);
  const width = [0, 1].map((i) => Math.max(header[i].length, ...lines.map((l) => l[i].length)));
  const fmt = (l: string[]) => `  ${l[0].padEnd(width[0])}  ${l[1].padStart(width[1])}  ${l[2]}`.trimEnd();
  const rule = `  ${'─'.repeat(width[0])}  ${'─'.repeat(width[1])}  ${'─'.repeat(Math.max(6, ...lines.map((l) => l[2].length)))}`;
  const out = [`bench: ${result.name}`, ...result.notes.map((n) => `  · ${n}`), '', fmt(header), rule, ...lines.map(fmt), ''];
  for (const v of result.verdicts) out.push(`  ${v.pass ? 'PASS' : 'FAIL'}  ${v.target}: ${v.measured}`);
  return `${out.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const all = available();
  if (argv.includes('--list') || argv.includes('--help')) {
    process.stdout.write(`usage: npm run bench -- [${all.join('|')}]…   (no name: all)\n`);
    for (const name of all) process.stdout.write(`  ${name.padEnd(10)} ${load(name).description}\n`);
    return 0;
  }
  const names = argv.filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !all.includes(n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark ${unknown.join(', ')}; available: ${all.join(', ')}\n`);
    return 2;
  }
  const results: BenchResult[] = [];
  let crashed = false;
  for (const name of names.length > 0 ? names : all) {
    process.stdout.write(`running ${name}…\n`);
    try {
      const result = await load(name).run();
      results.push(result);
      process.stdout.write(`\n${table(result)}\n`);
    } catch (error) {
      crashed = true;
      process.stderr.write(`bench ${name} crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    }
  }
  const summary = {
    node: process.version,
    results: results.map((r) => ({ name: r.name, verdicts: r.verdicts.map((v) => ({ target: v.target, pass: v.pass })), ...r.data })),
    crashed,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return crashed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Everything is closed by now; if some handle still holds the loop, say which and leave.
    setTimeout(() => {
      process.stderr.write(`bench: still running 5 s after the end; open handles: ${process.getActiveResourcesInfo().join(', ')}\n`);
      process.exit(code);
    }, 5000).unref();
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
