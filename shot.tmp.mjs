import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
for (const width of [1280, 390]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text(), m.location().url));
  await page.goto('http://127.0.0.1:4390/mqtt/how-mqtt-works/');
  await page.locator('.hs-playground[data-ready="true"]').waitFor();
  const dev = page.getByRole('article', { name: 'Device client' });
  const dash = page.getByRole('article', { name: 'Dashboard client' });
  await dev.getByRole('button', { name: 'Connect', exact: true }).click();
  await dash.getByRole('button', { name: 'Connect', exact: true }).click();
  await dash.getByRole('button', { name: 'Subscribe' }).click();
  await page.waitForTimeout(300);
  await dev.getByRole('button', { name: 'Publish' }).click();
  await page.waitForTimeout(500);
  await page.locator('.hs-playground').screenshot({ path: `/tmp/play-${width}.png` });
  await page.screenshot({ path: `/tmp/top-${width}.png` });
  const t = page.getByRole('group', { name: 'Topic filter tester' }).first();
  await t.scrollIntoViewIfNeeded(); await page.waitForTimeout(500);
  await t.screenshot({ path: `/tmp/tester-${width}.png` });
  await page.close();
}
await browser.close();
