import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mulberry32 } from '../generate.js';
import { diskFullRun } from './disk-full.js';
import { addFigures, emptyFigures, killRun, makeVersionOneStore, type Figures } from './harness.js';
import type { Scenario } from './protocol.js';

/**
 * `npm run torture -- --runs 50 [--seed N] [--out FILE] [--rows N]`: N runs, each killing (SIGKILL)
 * a child core twice during imports, single writes, backups and migrations, plus disk-full runs on
 * a small tmpfs where one can be mounted (skipped loudly where not). Prints the summary and writes
 * it as JSON (default torture-results.json). Exits 1 when anything was lost, partial or damaged.
 */

interface Args {
  runs: number;
  seed: number;
  out: string;
  rows: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { runs: 10, seed: 1, out: 'torture-results.json', rows: 1000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!['--runs', '--seed', '--out', '--rows'].includes(flag ?? '') || value === undefined) {
      throw new Error(`Unknown option ${flag}. Usage: npm run torture -- [--runs N] [--seed N] [--out FILE] [--rows N]`);
    }
    if (flag === '--out') args.out = value;
    else args[flag!.slice(2) as 'runs' | 'seed' | 'rows'] = Number(value);
  }
  for (const k of ['runs', 'seed', 'rows'] as const) if (!Number.isInteger(args[k]) || args[k] < 1) throw new Error(`--${k} must be a whole number of at least 1`);
  return args;
}

const SCENARIOS: Scenario[] = ['import', 'writes', 'backup', 'migration'];
const MIGRATION_ROWS = 20_000;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const rnd = mulberry32(args.seed);
  const childFile = path.join(__dirname, 'child.js');
  const source = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-torture-v1-'));
  makeVersionOneStore(source, MIGRATION_ROWS);
  const total = emptyFigures();
  const perScenario: Record<string, Figures> = Object.fromEntries(SCENARIOS.map((s) => [s, emptyFigures()]));
  try {
    for (let run = 1; run <= args.runs; run++) {
      for (const scenario of SCENARIOS) {
        const f = await killRun({ childFile, rows: args.rows }, scenario, rnd, { dir: source, rows: MIGRATION_ROWS });
        addFigures(perScenario[scenario]!, f);
        addFigures(total, f);
      }
      process.stdout.write(`run ${run}/${args.runs}: kills ${total.kills}, partial ${total.partialImports}, lost ${total.lostAcknowledgedWrites}, integrity ${total.integrityFailures}\n`);
    }
  } finally {
    fs.rmSync(source, { recursive: true, force: true });
  }
  const diskFull = emptyFigures();
  let diskFullRuns = 0;
  let diskFullSkipped: string | null = null;
  for (let i = 0; i < Math.min(args.runs, 5) && !diskFullSkipped; i++) {
    const r = await diskFullRun(rnd);
    if ('skipped' in r) diskFullSkipped = r.skipped;
    else {
      diskFullRuns++;
      addFigures(diskFull, r);
      addFigures(total, r);
    }
  }
  if (diskFullSkipped) process.stdout.write(`\n!!! DISK-FULL RUNS SKIPPED: ${diskFullSkipped}\n\n`);
  const summary = {
    runs: args.runs,
    seed: args.seed,
    rowsPerImport: args.rows,
    kills: total.kills,
    killsMidMigration: total.midMigration,
    acknowledgedWrites: total.acknowledgedWrites,
    partialImports: total.partialImports,
    lostAcknowledgedWrites: total.lostAcknowledgedWrites,
    integrityFailures: total.integrityFailures,
    scenarios: Object.fromEntries(Object.entries(perScenario).map(([k, v]) => [k, { kills: v.kills, acknowledgedWrites: v.acknowledgedWrites, partialImports: v.partialImports, lostAcknowledgedWrites: v.lostAcknowledgedWrites, integrityFailures: v.integrityFailures }])),
    diskFull: { runs: diskFullRuns, skipped: diskFullSkipped, partialImports: diskFull.partialImports, lostAcknowledgedWrites: diskFull.lostAcknowledgedWrites, integrityFailures: diskFull.integrityFailures },
    problems: [...new Set(total.problems)].slice(0, 50),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  fs.writeFileSync(args.out, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n(written to ${args.out})\n`);
  if (summary.partialImports + summary.lostAcknowledgedWrites + summary.integrityFailures > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(2);
});
