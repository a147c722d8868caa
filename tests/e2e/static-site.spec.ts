import { mkdtempSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { Playground } from '../support/fixtures.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

// The course as a static host serves it: plain files under a sub-path, no lab server, no /api.
// npm test builds this copy with `astro build --base /handshake/ --outDir .site-subpath`.
const SITE = resolve(import.meta.dirname, '../../.site-subpath');
const SUB_PATH = 'handshake';

const test = base.extend<{ playground: Playground }, { site: StaticServer & { course: string } }>({
  site: [
    async ({}, use) => {
      if (!existsSync(join(SITE, 'index.html'))) {
        throw new Error(
          `No sub-path build in ${SITE}: run npx astro build --base /${SUB_PATH}/ --outDir .site-subpath`,
        );
      }
      const root = mkdtempSync(join(tmpdir(), 'handshake-static-'));
      symlinkSync(SITE, join(root, SUB_PATH), 'dir');
      const server = await startStaticServer(root);
      await use({ ...server, course: new URL(`${SUB_PATH}/`, server.url).toString() });
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  playground: async ({ page, site }, use) => {
    const playground = new Playground(page);
    await playground.open(site.course, 'in-page');
    await use(playground);
  },
});

test.describe('the course on a static host under a sub-path, with the in-page lab', () => {
  test('the playground passes a message between its two clients through the in-page lab', async ({
    playground,
  }) => {
    const device = playground.client('Device');
    const dashboard = playground.client('Dashboard');
    await device.connect();
    await dashboard.connect();
    await dashboard.subscribe('lab/greenhouse/#', 1);
    await expect(dashboard.log).toContainText('SUBACK for lab/greenhouse/#: Granted QoS 1');

    await device.publish('lab/greenhouse/temperature', '{"celsius":19}', { qos: 1 });

    const message = dashboard.messagesOn('lab/greenhouse/temperature');
    await expect(message).toHaveCount(1);
    await expect(message.locator('pre[data-format="json"]')).toHaveText('{\n  "celsius": 19\n}');
    await expect(device.log).toContainText('PUBACK received');
  });

  test('the in-page lab refuses a publish to $SYS and says why', async ({ playground }) => {
    const device = playground.client('Device');
    await device.connect();
    await device.publish('$SYS/broker/uptime', '1');

    await expect(device.root.getByRole('status')).toHaveText('Disconnected');
    await expect(device.log).toContainText('Publishing to $SYS is not allowed');
  });

  test('a retained message survives a reload, kept in the in-page registry', async ({
    playground,
    page,
    site,
  }) => {
    const device = playground.client('Device');
    await device.connect();
    const topic = `lab/retained/${Date.now()}`;
    await device.publish(topic, 'kept across reloads', { retain: true });
    await expect(device.log).toContainText(`Published to ${topic}`);

    await page.reload();
    const after = new Playground(page);
    await after.open(site.course, 'in-page');
    const dashboard = after.client('Dashboard');
    await dashboard.connect();
    await dashboard.subscribe(topic);
    const message = dashboard.messagesOn(topic);
    await expect(message).toHaveCount(1);
    await expect(message).toContainText('retained');
    await expect(message.locator('pre')).toHaveText('kept across reloads');
  });

  test('an unreachable broker says which layer failed, and switching back works without a reload', async ({
    playground,
    page,
  }) => {
    // Nothing listens on port 9 (discard) here, so the address itself does not answer.
    const picker = await playground.pickCustomBroker('ws://127.0.0.1:9/mqtt');
    await expect(page.locator('.hs-playground .hs-broker')).toHaveAttribute(
      'data-broker',
      'custom',
    );

    const device = playground.client('Device');
    await device.root.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(device.log).toContainText('The broker did not answer');
    await expect(device.log).toContainText('Nothing answered at 127.0.0.1:9');
    await expect(device.root.getByRole('status')).toHaveText('Not connected');

    await playground.openPicker();
    await picker.getByLabel(/^In-page lab/).check();
    await picker.getByRole('button', { name: 'Use this broker' }).click();
    await expect(page.locator('.hs-playground .hs-broker')).toHaveAttribute(
      'data-broker',
      'in-page',
    );
    await device.connect();
  });

  test('the broker pick is remembered by this browser', async ({ playground, page, site }) => {
    const picker = await playground.openPicker();
    await picker.getByLabel('A public broker').check();
    await picker.getByRole('combobox').selectOption('hivemq');
    await picker.getByRole('button', { name: 'Use this broker' }).click();
    const bar = page.locator('.hs-playground .hs-broker');
    await expect(bar).toContainText('HiveMQ public broker');
    await expect(bar).toContainText('Anyone can read what is published on a public broker');
    await expect(bar.locator('.hs-broker__public code')).toHaveText(/^handshake\/[0-9a-z]{8}\/$/);

    await page.goto(new URL('mqtt/how-mqtt-works/', site.course).toString());
    await expect(page.locator('.hs-playground .hs-broker')).toHaveAttribute(
      'data-broker',
      'public',
    );
    void playground;
  });
});
