import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test as base } from '../support/fixtures.ts';

const OPENSSL = '/usr/bin/openssl';

/** The two certificate lessons, opened from the lab server. */
const test = base.extend<{ certificates: Page; deviceAuthentication: Page; folder: string }>({
  certificates: async ({ page, lab }, use) => {
    await page.goto(new URL('/certificates/', lab.url).toString());
    await use(page);
  },
  deviceAuthentication: async ({ page, lab }, use) => {
    await page.goto(new URL('/device-authentication/', lab.url).toString());
    await use(page);
  },
  folder: async ({}, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'handshake-kit-'));
    await use(folder);
    rmSync(folder, { recursive: true, force: true });
  },
});

function openssl(args: string[], input?: string): { status: number | null; out: string } {
  const run = spawnSync(OPENSSL, args, {
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** A self-signed P-256 certificate made by OpenSSL, as PEM text. */
function opensslCertificate(folder: string, name: string): string {
  const out = join(folder, `${name}.pem`);
  const made = openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-subj',
    `/CN=${name}`,
    '-days',
    '30',
    '-keyout',
    join(folder, `${name}.key`),
    '-out',
    out,
  ]);
  expect(made.status, made.out).toBe(0);
  return readFileSync(out, 'utf8');
}

// The widgets hydrate when scrolled into view (client:visible) and mark themselves ready once
// the certificate core has loaded; typing before that would be lost.
async function widget(page: Page, name: string): Promise<Locator> {
  const found = page.getByRole('group', { name, exact: true });
  await found.scrollIntoViewIfNeeded();
  await expect(found).toHaveAttribute('data-ready', 'true');
  return found;
}

function entry(summary: Locator, name: string): Locator {
  return summary.locator(`[data-entry="${name}"] dd`);
}

/** Steps 1 and 2 of the workshop with its default names; returns the device summary. */
async function makeCaAndDevice(page: Page): Promise<Locator> {
  const workshop = await widget(page, 'Certificate workshop');
  await workshop.getByRole('button', { name: 'Create CA' }).click();
  await expect(workshop.locator('dl[aria-label="CA certificate"]')).toBeVisible();
  await workshop.getByRole('button', { name: 'Issue device certificate' }).click();
  const device = workshop.locator('dl[aria-label="Device certificate"]');
  await expect(entry(device, 'Certificate ID')).toHaveText(/^[0-9a-f]{64}$/);
  return device;
}

async function download(page: Page, scope: Locator, name: string, folder: string): Promise<string> {
  const event = page.waitForEvent('download');
  await scope.getByRole('link', { name: `⤓ ${name}` }).click();
  const file = join(folder, name);
  await (await event).saveAs(file);
  return file;
}

test.describe('Certificate workshop', () => {
  test('a CA and a device certificate show subject, issuer, serial, validity and the certificate ID', async ({
    certificates,
    folder,
  }) => {
    const device = await makeCaAndDevice(certificates);

    await expect(entry(device, 'Subject')).toHaveText('CN=greenhouse-sensor-1,O=Greenhouse Co');
    await expect(entry(device, 'Issuer')).toHaveText('CN=My Device Root CA,O=Greenhouse Co');
    await expect(entry(device, 'Serial number')).toHaveText(/^[0-9A-F]{2}(:[0-9A-F]{2}){7,19}$/);
    await expect(entry(device, 'Not before')).toHaveText(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await expect(entry(device, 'Not after')).toHaveText(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await expect(entry(device, 'Extended key usage')).toHaveText('clientAuth');

    // The ID is the SHA-256 of the DER: OpenSSL computes the same from the downloaded file.
    const workshop = await widget(certificates, 'Certificate workshop');
    const crt = await download(certificates, workshop, 'device.crt', folder);
    const der = spawnSync(OPENSSL, ['x509', '-in', crt, '-outform', 'der']);
    const hash = spawnSync(OPENSSL, ['sha256', '-r'], { input: der.stdout, encoding: 'utf8' });
    await expect(entry(device, 'Certificate ID')).toHaveText(hash.stdout.slice(0, 64));
  });

  test('every field is explained with its meaning, offset and length', async ({ certificates }) => {
    await makeCaAndDevice(certificates);
    const tree = certificates.getByRole('list', { name: 'Fields of the device certificate' });

    const serial = tree.locator('[data-field="serialNumber"] .hs-pki-node__row').first();
    await expect(serial).toContainText('INTEGER');
    await expect(serial).toContainText('unique for that CA');
    await expect(serial).toContainText(/offset \d+, \d+ bytes/);
  });

  test('a bad countryName is explained and keeps what was typed; a non-ASCII CN becomes a UTF8String', async ({
    certificates,
  }) => {
    const workshop = await widget(certificates, 'Certificate workshop');
    await workshop.getByRole('button', { name: 'Create CA' }).click();
    const step2 = workshop.getByRole('region', { name: 'Step 2: a device certificate' });

    const country = step2.getByLabel('countryName (C)');
    await country.fill('France');
    await expect(step2.locator('.hs-pki-field-problem[data-attribute="C"]')).toContainText(
      'two-letter ISO 3166 code',
    );
    await step2.getByRole('button', { name: 'Issue device certificate' }).click();
    await expect(
      step2.getByRole('alert').filter({ hasText: 'Fix countryName (C) first' }),
    ).toBeVisible();
    await expect(country).toHaveValue('France');

    await country.fill('FR');
    await step2.getByLabel('commonName (CN)').fill('capteur-serre-été');
    await step2.getByRole('button', { name: 'Issue device certificate' }).click();

    const device = workshop.locator('dl[aria-label="Device certificate"]');
    await expect(entry(device, 'Subject')).toHaveText('CN=capteur-serre-été,O=Greenhouse Co,C=FR');
    const subject = step2.locator('[data-field="subject"]');
    await subject.locator('summary').first().click();
    await subject.locator('[data-field="RelativeDistinguishedName"] summary').last().click();
    await expect(subject.locator('[data-field="commonName"] .hs-pki-node__value')).toHaveText(
      'capteur-serre-été (UTF8String)',
    );
    await expect(subject.locator('[data-field="countryName"] .hs-pki-node__value')).toHaveText(
      'FR (PrintableString)',
    );
  });

  test('what the learner made survives a reload, until Forget removes it', async ({
    certificates,
  }) => {
    await makeCaAndDevice(certificates);
    await certificates.reload();

    const workshop = await widget(certificates, 'Certificate workshop');
    await expect(
      entry(workshop.locator('dl[aria-label="Device certificate"]'), 'Subject'),
    ).toHaveText('CN=greenhouse-sensor-1,O=Greenhouse Co');
    await workshop.getByRole('button', { name: 'Forget my keys and certificates' }).click();
    await expect(workshop.locator('dl[aria-label="Device certificate"]')).toHaveCount(0);
    await expect(workshop.getByRole('status').filter({ hasText: 'Forgotten' })).toBeVisible();
  });
});

test.describe('Certificate inspector', () => {
  test('a * in the base64 is rejected at the base64 stage, with its line and column', async ({
    certificates,
    folder,
  }) => {
    const lines = opensslCertificate(folder, 'damaged').split('\n');
    lines[2] = `${lines[2]!.slice(0, 9)}*${lines[2]!.slice(10)}`;
    const inspector = await widget(certificates, 'Certificate inspector');
    await inspector.getByLabel(/^PEM text/).fill(lines.join('\n'));

    const problem = inspector.locator('.hs-pki-problem');
    await expect(problem).toHaveAttribute('data-stage', 'base64');
    await expect(problem.locator('.hs-pki-problem__place')).toHaveText('line 3, column 10');
    await expect(problem).toContainText(
      "Line 3, column 10 has '*', which is not a base64 character",
    );
    await expect(problem.locator('[data-state="passed"]')).toHaveText(['✔ PEM boundary']);
    await expect(problem.locator('[data-state="failed"]')).toHaveText('✘ base64');
  });

  test('two certificates pasted together are both listed, in order', async ({
    certificates,
    folder,
  }) => {
    const text =
      opensslCertificate(folder, 'first-device') + opensslCertificate(folder, 'second-device');
    const inspector = await widget(certificates, 'Certificate inspector');
    await inspector.getByLabel(/^PEM text/).fill(text);

    const objects = inspector.getByRole('list', { name: 'Objects found' }).locator('> li');
    await expect(objects).toHaveCount(2);
    await expect(objects.nth(0).locator('[data-entry="Subject"] dd')).toHaveText('CN=first-device');
    await expect(objects.nth(1).locator('[data-entry="Subject"] dd')).toHaveText(
      'CN=second-device',
    );
    await expect(inspector.locator('.hs-pki-count')).toHaveText(
      '2 objects, in order: 2 certificates.',
    );
  });

  test('an encrypted private key asks for its password, then shows the key inside', async ({
    certificates,
  }) => {
    const inspector = await widget(certificates, 'Certificate inspector');
    await inspector
      .getByLabel('Example')
      .selectOption({ label: 'An encrypted private key (password: handshake)' });

    const key = inspector.locator('.hs-pki-block[data-kind="encrypted-private-key"]');
    await expect(key).toContainText('Give its password below to see the key inside');
    const form = key.getByRole('form', { name: 'Decrypt the private key' });
    await form.getByLabel('Password of the encrypted key').fill('wrong');
    await form.getByRole('button', { name: 'Decrypt' }).click();
    await expect(key).toContainText('does not decrypt this key');

    await form.getByLabel('Password of the encrypted key').fill('handshake');
    await form.getByRole('button', { name: 'Decrypt' }).click();
    await expect(key.locator('.hs-pki-decrypted > h4')).toHaveText('Inside: EC P-256');
  });
  test('a DER file opened from disk is decoded without touching the text box', async ({
    certificates,
    folder,
  }) => {
    opensslCertificate(folder, 'der-device');
    const der = join(folder, 'der-device.der');
    const made = openssl([
      'x509',
      '-in',
      join(folder, 'der-device.pem'),
      '-outform',
      'der',
      '-out',
      der,
    ]);
    expect(made.status, made.out).toBe(0);
    const inspector = await widget(certificates, 'Certificate inspector');
    const box = inspector.getByLabel(/^PEM text/);
    await box.fill('typed text stays');

    await inspector.locator('input[type="file"]').setInputFiles(der);
    await expect(inspector.getByRole('status').first()).toContainText(
      'Showing the file der-device.der',
    );
    await expect(inspector.locator('.hs-pki-block__head')).toContainText('DER file');
    await expect(inspector.locator('[data-entry="Subject"] dd')).toHaveText('CN=der-device');

    await inspector.getByRole('button', { name: 'Back to the text box' }).click();
    await expect(box).toHaveValue('typed text stays');
  });
});

test.describe('Chain checker', () => {
  test('moving the clock past notAfter fails the leaf as expired, with the date', async ({
    certificates,
  }) => {
    const device = await makeCaAndDevice(certificates);
    const notAfter = (await entry(device, 'Not after').textContent())!;
    const checker = await widget(certificates, 'Chain checker');
    await checker
      .getByLabel('Example')
      .selectOption({ label: 'My workshop CA and device certificate' });
    await expect(checker.locator('.hs-pki-chain-result')).toHaveAttribute('data-valid', 'true');

    const later = new Date(Date.parse(notAfter) + 86_400_000).toISOString().slice(0, 19);
    await checker.getByLabel('Verification time (UTC)').fill(later);

    const expired = checker.locator('.hs-pki-check[data-failure="expired"]');
    await expect(expired).toContainText('Expired');
    await expect(expired).toContainText(`expired: it was valid until ${notAfter} (notAfter)`);
    await expect(checker.locator('.hs-pki-chain-result')).toHaveAttribute('data-valid', 'false');
  });

  test('a trust anchor that did not issue the leaf gives "unknown issuer", naming the issuer', async ({
    certificates,
  }) => {
    await makeCaAndDevice(certificates);
    const checker = await widget(certificates, 'Chain checker');
    await checker
      .getByLabel('Example')
      .selectOption({ label: 'A trusted CA that did not issue the device certificate' });

    const unknown = checker.locator('.hs-pki-check[data-failure="unknown-issuer"]');
    await expect(unknown).toContainText(
      'unknown issuer: the certificate was issued by "CN=My Device Root CA,O=Greenhouse Co"',
    );
  });

  test('a chain given top-down is put in order, with a note', async ({ certificates }) => {
    const checker = await widget(certificates, 'Chain checker');
    await checker
      .getByLabel('Example')
      .selectOption({ label: 'The same, with the intermediate given before the device' });

    await expect(checker.locator('.hs-pki-chain-result')).toHaveAttribute('data-valid', 'true');
    await expect(checker.getByRole('list', { name: 'Notes on the chain' })).toContainText(
      'they were put in order from the leaf up',
    );
  });
});

test.describe('Device kit', () => {
  test('the downloaded kit verifies with openssl, and its key matches its certificate', async ({
    certificates,
    folder,
  }) => {
    await makeCaAndDevice(certificates);
    const kit = await widget(certificates, 'Device kit');
    for (const name of ['device.crt', 'device.key', 'ca.pem', 'README.txt']) {
      await download(certificates, kit, name, folder);
    }

    const verify = openssl([
      'verify',
      '-CAfile',
      join(folder, 'ca.pem'),
      join(folder, 'device.crt'),
    ]);
    expect(verify.out.trim()).toBe(`${join(folder, 'device.crt')}: OK`);
    expect(verify.status).toBe(0);

    const fromCertificate = openssl([
      'x509',
      '-in',
      join(folder, 'device.crt'),
      '-noout',
      '-pubkey',
    ]);
    const fromKey = openssl(['pkey', '-in', join(folder, 'device.key'), '-pubout']);
    expect(fromKey.out).toBe(fromCertificate.out);

    const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
    expect(readme).toContain('openssl verify -CAfile ca.pem device.crt');
    expect(readme).toContain('mosquitto_pub -h 127.0.0.1 -p 8883');
    expect(readme).toContain('TLS listener comes in the "Mutual TLS" lesson');
  });
});

test.describe('The lab registry', () => {
  test('a certificate from a CSR is activated, then revoked, and REVOKED is final', async ({
    deviceAuthentication,
    lab,
  }) => {
    const workshop = await widget(deviceAuthentication, 'Certificate workshop');
    await expect(workshop.locator('[data-lab="lab-server"]')).toBeVisible();
    const csr = workshop.getByRole('form', { name: 'Create certificate from CSR' });
    await csr.getByRole('button', { name: 'Create certificate from CSR' }).click();
    await expect(csr.getByLabel('CSR (PEM)')).toContainText('-----BEGIN CERTIFICATE REQUEST-----');
    await expect(csr.getByLabel('CSR (PEM)')).not.toContainText('PRIVATE KEY');

    const item = workshop.getByRole('listitem', {
      name: /^Lab certificate CN=greenhouse-sensor-3/,
    });
    const status = item.locator('.hs-pki-status');
    await expect(status).toHaveText('INACTIVE');
    await item.getByRole('button', { name: 'Activate', exact: true }).click();
    await expect(status).toHaveText('ACTIVE');

    await item.getByRole('button', { name: 'Revoke…' }).click();
    await item.getByRole('alertdialog').getByRole('button', { name: 'Revoke for good' }).click();
    await expect(status).toHaveText('REVOKED');
    await expect(item.getByRole('button', { name: 'Activate', exact: true })).toBeDisabled();
    await expect(item).toContainText('REVOKED is final');
    await lab.waitForLine(
      /lab:registry.*certificate [0-9a-f]{8}… ACTIVE -> REVOKED subject="CN=greenhouse-sensor-3,O=Greenhouse Co"/,
      10_000,
    );

    // The status lives in the lab server, not the page: a reload reads it back.
    await deviceAuthentication.reload();
    const again = (await widget(deviceAuthentication, 'Certificate workshop'))
      .getByRole('listitem', { name: /^Lab certificate CN=greenhouse-sensor-3/ })
      .locator('.hs-pki-status');
    await expect(again).toHaveText('REVOKED');
  });

  test('create keys and certificate shows the private key once, with a save-it-now note', async ({
    deviceAuthentication,
  }) => {
    const workshop = await widget(deviceAuthentication, 'Certificate workshop');
    const form = workshop.getByRole('form', { name: 'Create keys and certificate' });
    await form.getByRole('button', { name: 'Create keys and certificate' }).click();

    const note = form.getByRole('note', { name: 'Save the private key now' });
    await expect(note.getByLabel('Private key (PEM)')).toContainText('-----BEGIN PRIVATE KEY-----');
    await deviceAuthentication.reload();
    await widget(deviceAuthentication, 'Certificate workshop');
    await expect(
      deviceAuthentication.getByRole('note', { name: 'Save the private key now' }),
    ).toHaveCount(0);
  });

  test('your own CA and its device certificate are registered, INACTIVE until activated', async ({
    certificates,
    lab,
  }) => {
    await makeCaAndDevice(certificates);
    const workshop = await widget(certificates, 'Certificate workshop');
    await workshop.getByRole('button', { name: 'Register my CA and device certificate' }).click();

    const item = workshop.getByRole('listitem', {
      name: 'Lab certificate CN=greenhouse-sensor-1,O=Greenhouse Co',
    });
    await expect(item.locator('.hs-pki-status')).toHaveText('INACTIVE');
    await lab.waitForLine(
      /lab:registry.*ca [0-9a-f]{8}… new -> ACTIVE subject="CN=My Device Root CA,O=Greenhouse Co"/,
      10_000,
    );
    await item.getByRole('button', { name: 'Activate', exact: true }).click();
    await expect(item.locator('.hs-pki-status')).toHaveText('ACTIVE');
  });

  test('a kit for a certificate the lab signed from a CSR verifies against the lab CA', async ({
    deviceAuthentication,
    folder,
  }) => {
    const workshop = await widget(deviceAuthentication, 'Certificate workshop');
    const csr = workshop.getByRole('form', { name: 'Create certificate from CSR' });
    await csr.getByRole('button', { name: 'Create certificate from CSR' }).click();
    await expect(workshop.getByRole('status').filter({ hasText: 'signed your CSR' })).toBeVisible();

    const kit = await widget(deviceAuthentication, 'Device kit');
    for (const name of ['device.crt', 'device.key', 'ca.pem']) {
      await download(deviceAuthentication, kit, name, folder);
    }
    const verify = openssl([
      'verify',
      '-CAfile',
      join(folder, 'ca.pem'),
      join(folder, 'device.crt'),
    ]);
    expect(verify.out.trim()).toBe(`${join(folder, 'device.crt')}: OK`);
    const issuer = openssl([
      'x509',
      '-in',
      join(folder, 'ca.pem'),
      '-noout',
      '-subject',
      '-nameopt',
      'RFC2253',
    ]);
    expect(issuer.out.trim()).toBe('subject=CN=Handshake Lab Root CA,O=Handshake Lab');
  });

  test('with the in-page lab picked, certificates live in this browser and survive a reload', async ({
    deviceAuthentication,
  }) => {
    // The broker picker remembers its pick here; the in-page lab keeps its registry in IndexedDB.
    await deviceAuthentication.evaluate(() =>
      localStorage.setItem('handshake.broker', JSON.stringify({ kind: 'in-page' })),
    );
    await deviceAuthentication.reload();
    const workshop = await widget(deviceAuthentication, 'Certificate workshop');
    await expect(workshop.locator('[data-lab="in-page"]')).toBeVisible();

    const csr = workshop.getByRole('form', { name: 'Create certificate from CSR' });
    await csr.getByRole('button', { name: 'Create certificate from CSR' }).click();
    const item = workshop.getByRole('listitem', {
      name: /^Lab certificate CN=greenhouse-sensor-3/,
    });
    await item.getByRole('button', { name: 'Activate', exact: true }).click();
    await expect(item.locator('.hs-pki-status')).toHaveText('ACTIVE');

    await deviceAuthentication.reload();
    const again = (await widget(deviceAuthentication, 'Certificate workshop')).getByRole(
      'listitem',
      {
        name: /^Lab certificate CN=greenhouse-sensor-3/,
      },
    );
    await expect(again.locator('.hs-pki-status')).toHaveText('ACTIVE');
  });
});
