import { resolve } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { diagnoseFailure } from '../../src/core/tls/connection-doctor.ts';
import {
  BROKEN_SETUP_IDS,
  BROKEN_SETUPS,
  NOT_YET_VALID_DAYS,
} from '../../src/core/tls/broken-setups.ts';
import { FAILURE_LAYER } from '../../src/core/tls/handshake-report.ts';
import { test as labTest } from '../support/fixtures.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

// The built site as a static host serves it: no lab server, so the page uses the in-page lab.
const DIST = resolve(import.meta.dirname, '../../dist');

const staticTest = base.extend<{ lesson: Page }, { site: StaticServer }>({
  site: [
    async ({}, use) => {
      const server = await startStaticServer(DIST);
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  lesson: async ({ page, site }, use) => {
    await page.goto(new URL('mutual-tls/', site.url).toString());
    await use(page);
  },
});

const HANDSHAKE = [
  'ClientHello',
  'ServerHello',
  'EncryptedExtensions',
  'CertificateRequest',
  'Certificate',
  'CertificateVerify',
  'Finished',
  'Certificate',
  'CertificateVerify',
  'Finished',
  'Registry lookup',
];

// The widgets hydrate when scrolled into view (client:visible) and mark themselves ready once
// their lab's registry has opened; a click before that would be lost.
async function widget(page: Page, name: string): Promise<Locator> {
  const found = page.getByRole('group', { name, exact: true });
  await found.scrollIntoViewIfNeeded();
  await expect(found).toHaveAttribute('data-ready', 'true');
  return found;
}

function card(gallery: Locator, id: string): Locator {
  return gallery.locator(`article[data-case="${id}"]`);
}

/** Tries a gallery case and checks the layer it stopped at and the doctor's verdict title. */
async function expectCase(gallery: Locator, id: (typeof BROKEN_SETUP_IDS)[number], mode: string) {
  const setup = BROKEN_SETUPS[id];
  const found = card(gallery, id);
  await found.getByRole('button', { name: /^Try it/ }).click();
  await expect(found).toHaveAttribute('data-mode', mode, { timeout: 20_000 });
  const verdict = found.locator('.hs-tls-verdict').first();
  if (!setup.failure) {
    await expect(verdict).toHaveAttribute('data-layer', 'connected');
    await expect(verdict).toContainText('✔ Connected');
    return found;
  }
  const expected = diagnoseFailure(setup.failure);
  await expect(verdict).toHaveAttribute('data-layer', FAILURE_LAYER[setup.failure]);
  await expect(verdict.locator('.hs-tls-doctor__layer')).toHaveText(
    `Stopped at: ${expected.layerTitle}`,
  );
  await expect(verdict.locator('.hs-tls-doctor__title')).toHaveText(expected.title);
  // Node's TLS server checks a device's chain after the handshake and sends no alert; the model
  // sends the one OpenSSL would, so alerts are compared for emulated runs only.
  if (setup.alert && mode === 'emulated') {
    await expect(verdict.locator('.hs-tls-doctor__alert code')).toHaveText(setup.alert.name);
  }
  return found;
}

staticTest.describe('the mutual TLS lesson on a static host, with the in-page lab', () => {
  staticTest(
    'a good certificate made in one click shows every handshake message and the identity',
    async ({ lesson }) => {
      const illustration = await widget(lesson, 'Handshake illustration');
      await expect(illustration).toHaveAttribute('data-lab', 'in-page');
      await illustration.getByRole('button', { name: 'Make a device certificate now' }).click();
      await illustration.getByRole('button', { name: 'Run the handshake' }).click();

      const report = illustration.locator('.hs-tls-report');
      await expect(report.locator('.hs-tls-mode')).toHaveText(
        'Emulated Model of TLS 1.3: real keys and signatures, no record layer',
      );
      await expect(report.locator('.hs-tls-step')).toHaveCount(HANDSHAKE.length);
      for (const [i, message] of HANDSHAKE.entries()) {
        await expect(report.locator('.hs-tls-step').nth(i)).toHaveAttribute(
          'data-message',
          message,
        );
      }
      await expect(report.locator('.hs-tls-step[data-passed="false"]')).toHaveCount(0);
      await expect(report.locator('.hs-tls-verdict')).toHaveAttribute('data-layer', 'connected');
      await expect(report.locator('[data-entry="Subject"] dd')).toHaveText(
        'CN=greenhouse-sensor-1',
      );
      await expect(report.locator('[data-entry="Certificate ID"] dd')).toHaveText(/^[0-9a-f]{64}$/);

      // Opening a message shows what it carries and each side's checks in words.
      const verify = report.locator(
        '.hs-tls-step[data-message="CertificateVerify"][data-from="client"]',
      );
      await verify.locator('summary').click();
      await expect(verify.locator('.hs-pki-check').first()).toContainText('Passed:');
    },
  );

  staticTest(
    'a certificate from your own CA is refused as unknown_ca until you register the CA and it',
    async ({ lesson, site }) => {
      // The device kit on the certificates lesson makes a CA and a device certificate it signs.
      await lesson.goto(new URL('certificates/', site.url).toString());
      const kit = await widget(lesson, 'Device kit');
      await kit.getByRole('button', { name: 'Make a CA and a device certificate now' }).click();
      await expect(kit.getByRole('link', { name: '⤓ device.crt' })).toBeVisible();

      await lesson.goto(new URL('mutual-tls/', site.url).toString());
      const illustration = await widget(lesson, 'Handshake illustration');
      await illustration.getByRole('button', { name: 'Run the handshake' }).click();
      const verdict = illustration.locator('.hs-tls-verdict');
      await expect(verdict).toHaveAttribute('data-layer', 'tls-client-check');
      await expect(verdict.locator('.hs-tls-doctor__title')).toHaveText(
        diagnoseFailure('unknown-ca').title,
      );
      await expect(verdict.locator('.hs-tls-doctor__alert code')).toHaveText('unknown_ca');

      await illustration.getByRole('button', { name: 'Register your CA and certificate' }).click();
      await expect(illustration.locator('.hs-tls-own-ca')).toContainText('registered ACTIVE');
      await illustration.getByRole('button', { name: 'Run the handshake' }).click();
      await expect(verdict).toHaveAttribute('data-layer', 'connected');
      await expect(illustration.locator('[data-entry="Subject"] dd')).toHaveText(
        'CN=greenhouse-sensor-1,O=Greenhouse Co',
      );
    },
  );

  staticTest(
    'each broken set-up stops at its own layer with the doctor’s verdict',
    async ({ lesson }) => {
      staticTest.setTimeout(120_000);
      const gallery = await widget(lesson, 'Broken set-up gallery');
      await expect(gallery).toHaveAttribute('data-lab', 'in-page');
      for (const id of BROKEN_SETUP_IDS) {
        const found = await expectCase(gallery, id, 'emulated');
        await expect(found.locator('.hs-tls-card__ran')).toHaveText('Ran emulated, in this page');
      }
    },
  );

  staticTest(
    'moving the broker’s clock past notBefore lets the not-yet-valid certificate in',
    async ({ lesson }) => {
      const gallery = await widget(lesson, 'Broken set-up gallery');
      const found = await expectCase(gallery, 'not-yet-valid', 'emulated');
      const later = new Date(Date.now() + (NOT_YET_VALID_DAYS.notBefore + 2) * 86_400_000);
      await found
        .getByLabel('Time the broker checks validity at (UTC)')
        .fill(later.toISOString().slice(0, 19));
      await found.getByRole('button', { name: 'Try it again' }).click();
      await expect(found.locator('.hs-tls-verdict').first()).toHaveAttribute(
        'data-layer',
        'connected',
      );
      await expect(found.locator('.hs-tls-card__ran')).toContainText("with the broker's clock at");
    },
  );

  staticTest('the connect snippets can be copied, and say so', async ({ lesson, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const snippets = await widget(lesson, 'Connect a real client');
    await snippets.getByRole('button', { name: 'Python with paho-mqtt' }).click();
    const code = snippets.locator('.hs-snippet__code');
    await expect(code).toContainText(
      'client.tls_set(ca_certs=".lab/ca/lab-root-ca.pem", certfile="device.crt", keyfile="device.key")',
    );
    await snippets.getByRole('button', { name: 'Copy Python with paho-mqtt' }).click();
    await expect(snippets.getByRole('button', { name: 'Copy Python with paho-mqtt' })).toHaveText(
      '✔ Copied',
    );
    const copied = await lesson.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('client.connect("localhost", 8883)');
  });
  staticTest(
    'when the browser refuses the clipboard, the snippet is selected for Ctrl+C',
    async ({ lesson }) => {
      // Stands in for a browser that says no (no permission, or an insecure origin).
      await lesson.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
        });
      });
      await lesson.reload();
      const snippets = await widget(lesson, 'Connect a real client');
      await snippets.getByRole('button', { name: 'openssl s_client' }).click();
      await snippets.getByRole('button', { name: 'Copy openssl s_client' }).click();
      await expect(snippets.locator('.hs-copy__status')).toHaveText(
        'This browser did not allow copying: the text is selected, press Ctrl+C (⌘C on a Mac).',
      );
      const selected = await lesson.evaluate(() => window.getSelection()?.toString() ?? '');
      expect(selected).toContain('openssl s_client -connect localhost:8883 -servername localhost');
    },
  );
});

labTest.describe('the mutual TLS lesson from the lab server, with real TLS', () => {
  labTest(
    'every set-up the lab server can tell apart stops for real at its own layer with its verdict',
    async ({ page, lab }) => {
      await page.goto(new URL('/mutual-tls/', lab.url).toString());
      const gallery = await widget(page, 'Broken set-up gallery');
      await expect(gallery).toHaveAttribute('data-lab', 'lab-server');
      for (const id of BROKEN_SETUP_IDS.filter((id) => id !== 'intermediate-missing')) {
        const found = await expectCase(gallery, id, 'real');
        await expect(found.locator('.hs-tls-card__ran')).toHaveText(
          'Ran for real, on the lab server',
        );
      }
    },
  );

  labTest(
    'a left-out intermediate looks like an unknown CA to real TLS, and the card says why',
    async ({ page, lab }) => {
      await page.goto(new URL('/mutual-tls/', lab.url).toString());
      const gallery = await widget(page, 'Broken set-up gallery');
      const found = card(gallery, 'intermediate-missing');
      await found.getByRole('button', { name: 'Try it' }).click();
      const verdict = found.locator('.hs-tls-verdict').first();
      await expect(verdict).toHaveAttribute('data-layer', 'tls-client-check');
      await expect(verdict.locator('.hs-tls-doctor__title')).toHaveText(
        diagnoseFailure('unknown-ca').title,
      );
      await expect(found.locator('.hs-tls-card__differs')).toContainText(
        'a real server knows only what the device sends',
      );
    },
  );

  labTest(
    'a certificate the lab server makes passes real TLS, then needs a policy to connect',
    async ({ page, lab }) => {
      await page.goto(new URL('/mutual-tls/', lab.url).toString());
      const illustration = await widget(page, 'Handshake illustration');
      await expect(illustration).toHaveAttribute('data-lab', 'lab-server');
      await illustration.getByRole('button', { name: 'Make a device certificate now' }).click();
      await illustration.getByRole('button', { name: 'Run the handshake' }).click();
      const report = illustration.locator('.hs-tls-report');
      await expect(report.locator('.hs-tls-mode')).toHaveText(
        /^Real TLS from the lab server \(TLSv1\.3, TLS_[A-Z0-9_]+\)$/,
      );
      // TLS and the registry accept it; with no policy attached yet, the broker refuses CONNECT.
      const verdict = report.locator('.hs-tls-verdict');
      await expect(verdict).toHaveAttribute('data-layer', 'mqtt');
      await expect(verdict.locator('.hs-tls-layer[data-state="passed"]')).toHaveCount(4);
      await expect(verdict.locator('.hs-tls-doctor__title')).toHaveText(
        diagnoseFailure('mqtt-refused').title,
      );
      await expect(report.locator('.hs-tls-step').last()).toHaveAttribute(
        'data-message',
        'CONNACK',
      );
    },
  );
});
