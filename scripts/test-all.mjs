// `npm test`: every suite in order, then one plain `N passed, N failed` line over all of them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.test-output');
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

const rows = [];
function run(name, cmd, args, count) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts;
  try {
    counts = count ? count(r.status) : null;
  } catch {
    counts = null;
  }
  // A suite that crashed before writing its report counts as one failure, never as zero tests.
  if (!counts) counts = { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1, skipped: 0 };
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1;
  rows.push({ name, seconds, ...counts });
}
/**
 * The machine's part, after the build (it runs compiled tools/setup): Chromium and the tools the
 * tests call, found or installed; what cannot be set up is one line naming the command.
 */
function setUp() {
  const started = Date.now();
  console.log('\n▶ set-up: Chromium and the tools the tests use');
  let result;
  try {
    const require = createRequire(import.meta.url);
    const { setUpTestTools } = require(path.join(root, 'dist/main/tools/setup/test-tools.js'));
    const { systemSetupDeps } = require(path.join(root, 'dist/main/tools/setup/system.js'));
    result = setUpTestTools(systemSetupDeps());
  } catch (err) {
    result = { chromium: null, problems: [`The set-up could not run (${err.message}).`] };
  }
  if (result.chromium) {
    process.env.CHROMIUM_PATH = result.chromium;
    console.log(`Chromium: ${result.chromium}`);
  }
  for (const line of result.problems) console.log(line);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  rows.push({ name: 'set-up (chromium, tools)', seconds, passed: result.problems.length ? 0 : 1, failed: result.problems.length, skipped: 0 });
}
const readJson = (f) => JSON.parse(fs.readFileSync(path.join(outDir, f), 'utf8'));

run('typecheck', 'npm', ['run', '-s', 'typecheck']);
run('lint', 'npm', ['run', '-s', 'lint']);
run('build', 'npm', ['run', '-s', 'build']);
setUp();
run('unit (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.test-output/unit.json'], () => {
  const j = readJson('unit.json');
  return { passed: j.numPassedTests, failed: j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0), skipped: j.numPendingTests + j.numTodoTests };
});
run('e2e (playwright, chromium)', 'npx', ['playwright', 'test'], () => {
  const s = readJson('e2e.json').stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
});
run('security scan (electronegativity)', 'node', ['tests/security/electronegativity.mjs'], () => {
  const j = readJson('electronegativity.json');
  return { passed: j.passed, failed: j.failed, skipped: 0 };
});
run('electron smoke', 'node', ['tests/electron/run-smoke.mjs'], () => {
  if (fs.existsSync(path.join(outDir, 'electron.json'))) return { passed: 0, failed: 0, skipped: 1 };
  const s = readJson('electron-results.json').stats;
  return { passed: s.expected, failed: s.unexpected, skipped: s.skipped };
});
run('packaging (electron-builder --dir)', 'node', ['tests/packaging/check-package.mjs'], () => {
  const j = readJson('packaging.json');
  return { passed: j.passed, failed: j.failed, skipped: 0 };
});

const total = rows.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log('\nSuite                               passed  failed  skipped   seconds');
for (const r of rows) console.log(`${r.name.padEnd(36)}${String(r.passed).padStart(6)}${String(r.failed).padStart(8)}${String(r.skipped).padStart(9)}${r.seconds.padStart(10)}`);
const line = `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
fs.writeFileSync(path.join(outDir, 'summary.txt'), `${line}\n`);
console.log(`\n${line}`);
process.exit(total.failed === 0 ? 0 : 1);
