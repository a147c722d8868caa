// `npm run bench`: messages per second between two MQTT clients in headless Chromium, through
// the in-page broker and through the lab server over WebSocket, at QoS 0 and 1 with 200-byte
// payloads. It drives the course's own Broker benchmark page and prints the medians.
import { chromium, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromiumPath } from '../tests/support/chromium.ts';
import { startLabProcess } from '../tests/support/lab-process.ts';
import { benchDeviceConnections, type Timing } from './bench-tls.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAYLOAD = 200;

if (!existsSync('dist/lab/benchmark/index.html')) {
  console.log('Building the course first…');
  const build = spawnSync(process.execPath, ['node_modules/astro/astro.js', 'build'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(1);
}

const lab = await startLabProcess();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const rows: string[][] = [];
const cryptoRows: string[][] = [];
let deviceRows: Timing[] = [];
try {
  const page = await browser.newPage();
  await page.goto(new URL('/lab/benchmark/', lab.url).toString());
  const bench = page.locator('.hs-bench').first();
  await bench.scrollIntoViewIfNeeded();
  await page.locator('.hs-bench[data-ready="true"]').first().waitFor();

  for (const broker of ['In-page lab', 'Lab server (npm start)']) {
    await pickBroker(page, broker);
    for (const qos of [0, 1] as const) {
      const median = await runOnce(page, broker, qos);
      rows.push([
        broker,
        `QoS ${qos}`,
        `${PAYLOAD} B`,
        median.median.toLocaleString('en'),
        median.runs,
      ]);
      console.log(`  ${broker}, QoS ${qos}: median ${median.median} msg/s (runs: ${median.runs})`);
    }
  }

  // Keys and certificates (the certificate lessons' workshop), on the same page.
  const timing = page.getByRole('group', { name: 'Key and certificate timing' });
  await timing.scrollIntoViewIfNeeded();
  await timing.and(page.locator('[data-ready="true"]')).waitFor();
  await timing.getByRole('button', { name: 'Time keys and certificates' }).click();
  await timing.locator('tbody tr').nth(2).waitFor({ timeout: 600_000 });
  for (const row of await timing.locator('tbody tr').all()) {
    const cells = await row.locator('td').allTextContents();
    cryptoRows.push([cells[0]!, cells[1]!, cells[2]!]);
    console.log(`  ${cells[0]}: median ${cells[1]} (${cells[2]} runs)`);
  }

  // A device's connection: real mutual TLS with the lab server, the in-page model, a decision.
  deviceRows = await benchDeviceConnections(lab);
  deviceRows.forEach((t) => console.log(`  ${t.what}: median ${t.median} (${t.runs} runs)`));
} finally {
  await browser.close();
  await lab.stop();
}

const header = ['broker', 'QoS', 'payload', 'median msg/s', 'runs (msg/s)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(`\n${MESSAGES} messages per run, ${RUNS} runs, headless Chromium\n`);
console.log(format(header));
console.log(format(widths.map((w) => '-'.repeat(w))));
rows.forEach((row) => console.log(format(row)));

async function pickBroker(page: Page, label: string) {
  await page.getByRole('button', { name: 'Change broker' }).click();
  const picker = page.getByRole('form', { name: 'Pick a broker' });
  await picker
    .getByRole('radio', {
      name: new RegExp(`^${label.startsWith('In-page') ? 'In-page lab' : 'Lab server'}`),
    })
    .check();
  await picker.getByRole('button', { name: 'Use this broker' }).click();
  await page.locator('.hs-broker__current strong', { hasText: label }).waitFor();
}

async function runOnce(page: Page, broker: string, qos: 0 | 1) {
  const form = page.getByRole('form', { name: 'Benchmark settings' });
  await form.getByLabel('QoS').selectOption(String(qos));
  await form.getByLabel('Payload bytes').fill(String(PAYLOAD));
  await form.getByLabel('Messages per run').fill(String(MESSAGES));
  await form.getByLabel('Runs').fill(String(RUNS));
  const before = await page.locator('.hs-bench__table tbody tr').count();
  await form.getByRole('button', { name: 'Run benchmark' }).click();
  const row = page.locator('.hs-bench__table tbody tr').nth(before);
  await row.waitFor({ timeout: 300_000 });
  const median = Number(await row.getAttribute('data-median'));
  const runs = (await row.locator('td').nth(4).textContent()) ?? '';
  if (!(await row.getAttribute('data-broker'))?.startsWith(broker.slice(0, 6)))
    throw new Error('wrong broker row');
  return { median, runs };
}

const cryptoHeader = ['key and certificate', 'median', 'runs'];
const cryptoWidths = cryptoHeader.map((h, i) =>
  Math.max(h.length, ...cryptoRows.map((r) => r[i]!.length)),
);
const formatCrypto = (cells: string[]) =>
  cells.map((c, i) => c.padEnd(cryptoWidths[i]!)).join('  ');
console.log('');
console.log(formatCrypto(cryptoHeader));
console.log(formatCrypto(cryptoWidths.map((w) => '-'.repeat(w))));
cryptoRows.forEach((row) => console.log(formatCrypto(row)));

const deviceRowsText = deviceRows.map((t) => [t.what, t.median, String(t.runs)]);
const deviceWidths = ['device connection', 'median', 'runs'].map((h, i) =>
  Math.max(h.length, ...deviceRowsText.map((r) => r[i]!.length)),
);
const formatDevice = (cells: string[]) =>
  cells.map((c, i) => c.padEnd(deviceWidths[i]!)).join('  ');
console.log('');
console.log(formatDevice(['device connection', 'median', 'runs']));
console.log(formatDevice(deviceWidths.map((w) => '-'.repeat(w))));
deviceRowsText.forEach((row) => console.log(formatDevice(row)));
