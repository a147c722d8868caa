import { test as base, expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import type { inPageLabDriver } from '../../src/browser/in-page-lab/test-driver.ts';

/*
 * The in-page lab on a static host: the built site (dist/, from `npx astro build`) served as
 * plain files, with no lab server behind it. /dev/in-page-lab/ puts the lab's Connection on
 * `window.inPageLab`, driven here through page.evaluate until widgets offer it themselves.
 */

type Driver = typeof inPageLabDriver;

// HANDSHAKE_SITE_DIR lets a developer test a build made elsewhere with --outDir.
const SITE = resolve(process.env['HANDSHAKE_SITE_DIR'] ?? join(import.meta.dirname, '../../dist'));

const test = base.extend<{ lab: Page }, { site: StaticServer }>({
  site: [
    async ({}, use) => {
      if (!existsSync(join(SITE, 'dev/in-page-lab/index.html'))) {
        throw new Error(`${SITE} has no dev/in-page-lab/ page: run \`npx astro build\` first.`);
      }
      const server = await startStaticServer(SITE);
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  lab: async ({ page, site }, use) => {
    await openLabPage(page, site.url);
    await use(page);
  },
});

async function openLabPage(page: Page, siteUrl: string) {
  await page.goto(new URL('dev/in-page-lab/', siteUrl).toString());
  // The driver module marks the page once window.inPageLab exists.
  await expect(page.locator('html[data-in-page-lab="ready"]')).toBeAttached();
}

/** Runs `step` in the page with the driver, as `window.inPageLab`. */
function drive<T, A>(page: Page, step: (lab: Driver, arg: A) => Promise<T> | T, arg: A) {
  return page.evaluate(
    ([source, value]) => {
      const run = new Function(`return (${source})`)() as (lab: Driver, a: A) => Promise<T>;
      return run(window.inPageLab!, value as A);
    },
    [step.toString(), arg] as const,
  );
}

test.describe('the in-page lab on a static host', () => {
  test('the site has no lab server: /api/lab is not found', async ({ site, request }) => {
    const response = await request.get(new URL('api/lab', site.url).toString());
    expect(response.status()).toBe(404);
  });

  test('a dashboard receives what a device publishes, both connected through the page', async ({
    lab,
  }) => {
    await drive(lab, (l) => l.connect('dashboard', 'dashboard-e2e'), null);
    expect(await drive(lab, (l) => l.subscribe('dashboard', 'lab/greenhouse/#', 1), null)).toBe(1);
    await drive(lab, (l) => l.connect('device', 'sensor-e2e'), null);

    await drive(
      lab,
      (l) => l.publish('device', 'lab/greenhouse/temp', '{"celsius":21.5}', 1),
      null,
    );

    await expect
      .poll(() => drive(lab, (l) => l.log('dashboard')?.messages, null))
      .toEqual([
        { topic: 'lab/greenhouse/temp', payload: '{"celsius":21.5}', retain: false, qos: 1 },
      ]);
    expect(await drive(lab, (l) => l.target, null)).toEqual({
      kind: 'in-page',
      label: 'In-page lab',
      url: 'in-page://lab',
      explains: true,
    });
  });

  test('a retained message is still there after the page reloads', async ({ lab, site }) => {
    const topic = `lab/retained/${Date.now()}`;
    await drive(lab, (l) => l.connect('device', 'sensor-retain'), null);
    // QoS 1: the PUBACK comes once the lab has stored the message in IndexedDB.
    await drive(lab, (l, t) => l.publish('device', t, 'still here', 1, true), topic);

    await lab.reload();
    await openLabPage(lab, site.url);
    await drive(lab, (l) => l.connect('later', 'dashboard-later'), null);
    await drive(lab, (l, t) => l.subscribe('later', t, 0), topic);

    await expect
      .poll(() => drive(lab, (l) => l.log('later')?.messages, null))
      .toEqual([{ topic, payload: 'still here', retain: true, qos: 0 }]);
  });

  test('a publish to $SYS/x closes the connection, and the lab says why', async ({ lab }) => {
    await drive(lab, (l) => l.connect('device', 'sensor-sys'), null);

    await drive(lab, (l) => l.publish('device', '$SYS/x', 'nope'), null);

    await expect
      .poll(() => drive(lab, (l) => l.log('device')?.closed ?? null, null))
      .toEqual({
        byClient: false,
        reason: expect.stringContaining('The broker closed the connection'),
      });
    const refusals = await drive(lab, (l) => l.log('device')?.refusals, null);
    expect(refusals).toEqual([
      expect.objectContaining({
        action: 'publish',
        target: '$SYS/x',
        code: 'reserved-topic',
        title: 'Publishing to $SYS is not allowed',
        rule: 'MQTT 3.1.1 §4.7.2',
      }),
    ]);
  });
});
