import { test as base, expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { QoS } from '../../src/browser/connection/connection.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

/*
 * The in-page lab on a static host: the built site (dist/, from `npx astro build`) served as
 * plain files, with no lab server behind it. /dev/in-page-lab/ puts the lab's Connection on
 * `window.inPageLab` (src/browser/in-page-lab/test-driver.ts); this page object drives it.
 */

// HANDSHAKE_SITE_DIR lets a developer test a build made elsewhere with --outDir.
const SITE = resolve(process.env['HANDSHAKE_SITE_DIR'] ?? join(import.meta.dirname, '../../dist'));

class InPageLabPage {
  constructor(
    readonly page: Page,
    readonly siteUrl: string,
  ) {}

  async open() {
    await this.page.goto(new URL('dev/in-page-lab/', this.siteUrl).toString());
    // The driver module marks the page once window.inPageLab exists.
    await expect(this.page.locator('html[data-in-page-lab="ready"]')).toBeAttached();
  }

  target() {
    return this.page.evaluate(() => window.inPageLab!.target);
  }

  connect(name: string, clientId: string) {
    return this.page.evaluate(([n, id]) => window.inPageLab!.connect(n, id), [
      name,
      clientId,
    ] as const);
  }

  subscribe(name: string, filter: string, qos: QoS) {
    return this.page.evaluate(([n, f, q]) => window.inPageLab!.subscribe(n, f, q), [
      name,
      filter,
      qos,
    ] as const);
  }

  publish(name: string, topic: string, payload: string, options: { qos?: QoS; retain?: boolean }) {
    return this.page.evaluate(([n, t, p, q, r]) => window.inPageLab!.publish(n, t, p, q, r), [
      name,
      topic,
      payload,
      options.qos ?? 0,
      options.retain ?? false,
    ] as const);
  }

  /** What a session received, was refused and how it closed, so far. */
  log(name: string) {
    return this.page.evaluate((n) => window.inPageLab!.log(n), name);
  }
}

const test = base.extend<{ lab: InPageLabPage }, { site: StaticServer }>({
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
    const lab = new InPageLabPage(page, site.url);
    await lab.open();
    await use(lab);
  },
});

test.describe('the in-page lab on a static host', () => {
  test('the site has no lab server: /api/lab is not found', async ({ site, request }) => {
    const response = await request.get(new URL('api/lab', site.url).toString());
    expect(response.status()).toBe(404);
  });

  test('a dashboard receives what a device publishes, both connected through the page', async ({
    lab,
  }) => {
    expect(await lab.target()).toEqual({
      kind: 'in-page',
      label: 'In-page lab',
      url: 'in-page://lab',
      explains: true,
    });
    await lab.connect('dashboard', 'dashboard-e2e');
    expect(await lab.subscribe('dashboard', 'lab/greenhouse/#', 1)).toBe(1);
    await lab.connect('device', 'sensor-e2e');

    await lab.publish('device', 'lab/greenhouse/temp', '{"celsius":21.5}', { qos: 1 });

    await expect
      .poll(async () => (await lab.log('dashboard'))?.messages)
      .toEqual([
        { topic: 'lab/greenhouse/temp', payload: '{"celsius":21.5}', retain: false, qos: 1 },
      ]);
  });

  test('a retained message is still there after the page reloads', async ({ lab }) => {
    const topic = `lab/retained/${Date.now()}`;
    await lab.connect('device', 'sensor-retain');
    // QoS 1: the lab keeps a retained message in IndexedDB before it sends PUBACK.
    await lab.publish('device', topic, 'still here', { qos: 1, retain: true });

    await lab.page.reload();
    await lab.open();
    await lab.connect('later', 'dashboard-later');
    await lab.subscribe('later', topic, 0);

    await expect
      .poll(async () => (await lab.log('later'))?.messages)
      .toEqual([{ topic, payload: 'still here', retain: true, qos: 0 }]);
  });

  test('a publish to $SYS/x closes the connection, and the lab says why', async ({ lab }) => {
    await lab.connect('device', 'sensor-sys');

    await lab.publish('device', '$SYS/x', 'nope', {});

    await expect
      .poll(async () => (await lab.log('device'))?.closed)
      .toEqual({
        byClient: false,
        reason: expect.stringContaining('The broker closed the connection'),
      });
    expect((await lab.log('device'))?.refusals).toEqual([
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
