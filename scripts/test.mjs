#!/usr/bin/env node
// `npm test`: every check the project promises, in order, ending with one line
// "N passed, N failed" that counts each unit and browser test, plus the type check and build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemTools } from './system-tools.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  console.log(
    `  ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return result.status === 0;
}

function check(title, ok) {
  if (ok) tally.passed += 1;
  else {
    tally.failed += 1;
    failures.push(title);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

// 1. The system tools the browser and interop tests drive.
const tools = ensureSystemTools();
check('system tools (chromium, mosquitto-clients, openssl)', tools.ok);

// 2. Types: the whole project, then the core alone with no DOM or Node types. `astro sync`
// first writes the content-collection types that a fresh clone does not have yet.
check('astro sync', run('Generate Astro types', bin('astro'), ['sync']));
check('type check (project)', run('Type check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']));
check(
  'type check (src/core, no platform APIs)',
  run('Type check of the core', bin('tsc'), ['-p', 'src/core/tsconfig.json']),
);

// 3. Unit tests of the core and the lab (Vitest).
const unitOk = run('Unit tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(results, 'vitest.json')}`,
]);
const unit = readJson(join(results, 'vitest.json'));
if (unit) {
  tally.passed += unit.numPassedTests;
  tally.failed += unit.numFailedTests;
  tally.skipped += unit.numPendingTests + unit.numTodoTests;
  if (unit.numFailedTests > 0) failures.push(`${unit.numFailedTests} unit test(s)`);
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) check('unit test run', false);

// 4. The site build, which the lab server and the browser tests serve.
const built = run('Build', bin('astro'), ['build']);
check('site build', built);
if (built) check('page weight budgets (npm run size)', run('Page weight', process.execPath, ['scripts/size.mjs']));
// A second build under a sub-path, served as plain files by the static-site browser tests.
const builtSubPath = built && run('Build under a sub-path', bin('astro'), ['build', '--base', '/handshake/', '--outDir', '.site-subpath']);
if (built) check('site build under /handshake/', builtSubPath);

// 5. Browser and interop tests (Playwright with the system Chromium).
if (built && tools.browser) {
  const e2eOk = run('Browser and interop tests', bin('playwright'), ['test']);
  const e2e = readJson(join(results, 'playwright.json'));
  if (e2e) {
    tally.passed += e2e.stats.expected + e2e.stats.flaky;
    tally.failed += e2e.stats.unexpected;
    tally.skipped += e2e.stats.skipped;
    if (e2e.stats.unexpected > 0) failures.push(`${e2e.stats.unexpected} browser test(s)`);
  }
  if (!e2eOk && (!e2e || e2e.stats.unexpected === 0)) check('browser test run', false);
} else {
  check('browser tests (not run: no build or no Chromium)', false);
}

console.log('');
if (failures.length > 0) console.log(`Failed: ${failures.join('; ')}`);
console.log(
  `${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`,
);
process.exitCode = tally.failed === 0 ? 0 : 1;
