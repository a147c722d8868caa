import type { Page } from '@playwright/test';
import { expect, test as base } from '../support/fixtures.ts';
import { LabTerminal } from '../support/lab-terminal.ts';

/**
 * Each lesson's terminal exercise, done the way a learner does it: click a suggested command
 * (or type one), press Enter, read the screen, and see the goal reached.
 */
const test = base.extend<{ open: (path: string, broker?: 'in-page') => Promise<LabTerminal> }>({
  open: async ({ page, lab }, use) => {
    await use(async (path, broker) => {
      // The broker picker remembers its pick in localStorage; the in-page lab keeps a fresh
      // registry in each test's browser context, so Tab has exactly one certificate to offer.
      if (broker) {
        await page.addInitScript(() =>
          localStorage.setItem('handshake.broker', JSON.stringify({ kind: 'in-page' })),
        );
      }
      await page.goto(new URL(path, lab.url).toString());
      const terminal = new LabTerminal(page);
      await terminal.open();
      return terminal;
    });
  },
});

/** Clicks a suggestion (which types it at the prompt), then presses Enter. */
async function runSuggestion(terminal: LabTerminal, command: string | RegExp, keys = ['Enter']) {
  await terminal.root.getByRole('button', { name: command }).click();
  // A long list of suggestions can push the screen out of view, and xterm draws only in view.
  await terminal.root.locator('.xterm-screen').scrollIntoViewIfNeeded();
  for (const key of keys) await terminal.page.keyboard.press(key);
}

/** `2026-12-04T18:06:46Z` as OpenSSL prints dates: `Dec  4 18:06:46 2026 GMT`. */
function opensslDate(iso: string): string {
  const date = new Date(iso);
  const month = date.toUTCString().slice(8, 11);
  const day = String(date.getUTCDate()).padStart(2, ' ');
  return `${month} ${day} ${date.toISOString().slice(11, 19)} ${date.getUTCFullYear()} GMT`;
}

function goal(page: Page) {
  return new LabTerminal(page).root.getByRole('status');
}

test.describe('terminal exercises in the lessons', () => {
  test('JSON: json check points at a trailing comma, then passes once it is gone', async ({
    open,
    page,
  }) => {
    const terminal = await open('/json/');
    await expect(goal(page)).toContainText('Goal: run json check until it succeeds.');

    await runSuggestion(terminal, /unit.*Cel.*,}' > payload\.json$/);
    await terminal.idle();
    await runSuggestion(terminal, 'json check payload.json');
    await expect(terminal.screen).toContainText('payload.json:1:');
    await terminal.run('echo "status $?"');
    await expect(terminal.screen).toContainText('status 1');
    await expect(goal(page)).not.toContainText('Goal reached.');

    await runSuggestion(terminal, /unit.*Cel"}' > payload\.json$/);
    await terminal.idle();
    await runSuggestion(terminal, 'json check payload.json');
    await expect(terminal.screen).toContainText('payload.json: valid JSON');
    await expect(goal(page)).toContainText('Goal reached.');

    await runSuggestion(terminal, 'json format payload.json');
    await expect(terminal.screen).toContainText('"temperature": 21.5,');
  });

  test('Device authentication: create-keys-and-certificate --set-as-active makes an ACTIVE certificate', async ({
    open,
    page,
  }) => {
    const terminal = await open('/device-authentication/');
    await runSuggestion(terminal, /^aws iot create-keys-and-certificate --set-as-active/);
    await terminal.idle();
    await expect(goal(page)).toContainText('Goal reached.');

    await terminal.run('clear');
    await terminal.run('ls');
    await expect(terminal.screen).toContainText('device.crt');
    await expect(terminal.screen).toContainText('device.key');
    await terminal.run('aws iot list-certificates --output text');
    await expect(terminal.screen).toContainText(/CERTIFICATES\s+arn:aws:iot:us-east-1:/);
    await expect(terminal.screen).toContainText('ACTIVE');
  });

  test('Certificates: genpkey, req, x509 -req and verify give "device.crt: OK"', async ({
    open,
    page,
  }) => {
    const terminal = await open('/certificates/');
    for (const command of [
      'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key',
      "openssl req -new -x509 -key ca.key -subj '/CN=Workshop CA' -days 365 -out ca.crt",
      'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out device.key',
      "openssl req -new -key device.key -subj '/CN=sensor-01' -out device.csr",
    ]) {
      await runSuggestion(terminal, command);
      await terminal.idle();
    }
    await runSuggestion(terminal, /^openssl x509 -req -in device\.csr/);
    await expect(terminal.screen).toContainText('Certificate request self-signature ok');
    await expect(terminal.screen).toContainText('subject=CN = sensor-01');

    await terminal.run('openssl verify device.crt; echo "status $?"');
    await expect(terminal.screen).toContainText(
      'error 20 at 0 depth lookup: unable to get local issuer certificate',
    );
    await expect(terminal.screen).toContainText('status 2');
    await expect(goal(page)).not.toContainText('Goal reached.');

    await runSuggestion(terminal, 'openssl verify -CAfile ca.crt device.crt');
    await expect(terminal.screen).toContainText('device.crt: OK');
    await expect(goal(page)).toContainText('Goal reached.');

    await terminal.run('clear');
    await terminal.run('openssl x509 -in device.crt -noout -subject -issuer');
    await expect(terminal.screen).toContainText('subject=CN = sensor-01');
    await expect(terminal.screen).toContainText('issuer=CN = Workshop CA');
  });

  test('Certificates: openssl x509 shows the subject, issuer, serial and dates the inspector shows', async ({
    open,
    page,
  }) => {
    const terminal = await open('/certificates/');
    for (const command of [
      'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key',
      "openssl req -new -x509 -key ca.key -subj '/CN=Workshop CA' -days 365 -out ca.crt",
      'openssl genpkey -algorithm RSA -out device.key',
      "openssl req -new -key device.key -subj '/CN=sensor-01' -out device.csr",
      'openssl x509 -req -in device.csr -CA ca.crt -CAkey ca.key -days 90 -out device.crt',
      'clear',
      'openssl x509 -in device.crt -noout -subject -issuer -serial -dates',
    ]) {
      await terminal.run(command);
      await terminal.idle();
    }

    // The terminal keeps its files in localStorage; the learner would paste device.crt here.
    const pem = await page.evaluate(
      () => JSON.parse(localStorage.getItem('handshake.files')!).files['device.crt'].text as string,
    );
    const inspector = page.getByRole('group', { name: 'Certificate inspector', exact: true });
    await inspector.scrollIntoViewIfNeeded();
    await expect(inspector).toHaveAttribute('data-ready', 'true');
    await inspector.getByLabel(/^PEM text/).fill(pem);
    const shown = async (name: string) =>
      (await inspector.locator(`[data-entry="${name}"] dd`).first().innerText()).trim();

    const subject = await shown('Subject');
    const issuer = await shown('Issuer');
    expect([subject, issuer]).toEqual(['CN=sensor-01', 'CN=Workshop CA']);
    const serial = (await shown('Serial number')).replaceAll(':', '');
    const dates = [await shown('Not before'), await shown('Not after')].map(opensslDate);

    await terminal.root.locator('.xterm-screen').scrollIntoViewIfNeeded();
    for (const line of [
      'subject=CN = sensor-01',
      'issuer=CN = Workshop CA',
      `serial=${serial}`,
      `notBefore=${dates[0]}`,
      `notAfter=${dates[1]}`,
    ]) {
      await expect(terminal.screen).toContainText(line);
    }
  });

  test('Certificates: a CSR for CN=sensor-01 registered with --set-as-active reaches the goal', async ({
    open,
    page,
  }) => {
    const terminal = await open('/certificates/', 'in-page');
    await terminal.run('openssl genpkey -algorithm RSA -out device.key');
    await terminal.idle();
    await terminal.run("openssl req -new -key device.key -subj '/CN=sensor-01' -out device.csr");
    await terminal.idle();
    await runSuggestion(terminal, /^aws iot create-certificate-from-csr/);
    await terminal.idle();
    await expect(goal(page)).toContainText('Goal reached.');
    await expect(goal(page)).toContainText('CN=sensor-01');
  });

  test('Policies: create-policy, attach-policy with Tab, and test-authorization says ALLOWED', async ({
    open,
    page,
  }) => {
    const terminal = await open('/policies/', 'in-page');
    await runSuggestion(terminal, /^echo '\{"Version"/);
    await terminal.idle();
    await runSuggestion(terminal, 'aws iot create-keys-and-certificate --set-as-active');
    await terminal.idle();
    await terminal.run('clear');
    await runSuggestion(
      terminal,
      'aws iot create-policy --policy-name sensor-publish --policy-document file://p.json',
    );
    await expect(terminal.screen).toContainText('"policyVersionId": "1"');
    await terminal.idle();

    // Tab completes the only certificate's ARN after --target, and after --principal.
    await runSuggestion(terminal, /^aws iot attach-policy/, ['Tab', 'Enter']);
    await terminal.idle();
    await terminal.run('clear');
    await runSuggestion(terminal, /^aws iot test-authorization/, ['Tab', 'Enter']);
    await expect(terminal.screen).toContainText('"authDecision": "ALLOWED"');
    await expect(goal(page)).toContainText('Goal reached.');
  });

  test('Policies on the lab server: the same steps go through its registry over HTTP', async ({
    open,
    page,
  }) => {
    const terminal = await open('/policies/');
    await runSuggestion(terminal, /^echo '\{"Version"/);
    await terminal.idle();
    await terminal.run('aws iot create-keys-and-certificate --set-as-active > made.json');
    await terminal.idle();
    // Other tests' certificates share this lab server, so Tab would offer several: read ours.
    const arn = await page.evaluate(
      () =>
        JSON.parse(JSON.parse(localStorage.getItem('handshake.files')!).files['made.json'].text)
          .certificateArn as string,
    );
    const policy = `p-${Date.now()}`;
    await terminal.run(
      `aws iot create-policy --policy-name ${policy} --policy-document file://p.json > policy.json`,
    );
    await terminal.idle();
    await terminal.run(`aws iot attach-policy --policy-name ${policy} --target ${arn}`);
    await terminal.idle();
    await terminal.run('clear');
    await terminal.run(
      `aws iot test-authorization --principal ${arn} --auth-infos ` +
        `'[{"actionType":"PUBLISH","resources":["arn:aws:iot:us-east-1:123456789012:topic/lab/sensor-02/t"]}]' --output text`,
    );
    await expect(terminal.screen).toContainText('IMPLICIT_DENY');
    await expect(goal(page)).not.toContainText('Goal reached.');
    await terminal.run('clear');
    await terminal.run(
      `aws iot test-authorization --principal ${arn} --auth-infos ` +
        `'[{"actionType":"PUBLISH","resources":["arn:aws:iot:us-east-1:123456789012:topic/lab/sensor-01/t"]}]' --output text`,
    );
    await expect(terminal.screen).toContainText('ALLOWED');
    await expect(goal(page)).toContainText('Goal reached.');
  });

  test('Policies: create-policy with a trailing comma fails at the line and column', async ({
    open,
  }) => {
    const terminal = await open('/policies/', 'in-page');
    await terminal.run(
      `echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*"},]}' > bad.json`,
    );
    await terminal.idle();
    await terminal.run(
      'aws iot create-policy --policy-name bad --policy-document file://bad.json; echo "status $?"',
    );
    await expect(terminal.screen).toContainText('bad.json: line 1, column 95: Trailing comma');
    await expect(terminal.screen).toContainText('so it separates nothing');
    await expect(terminal.screen).toContainText('status 254');
    await terminal.scrollBack();
    await expect(terminal.screen).toContainText('An error occurred (MalformedPolicyException)');
  });

  test('Mutual TLS: s_client completes with an ACTIVE certificate; revoked, the registry refuses it', async ({
    open,
    page,
  }) => {
    const terminal = await open('/mutual-tls/', 'in-page');
    await runSuggestion(terminal, /^aws iot create-keys-and-certificate/);
    await terminal.idle();
    await runSuggestion(terminal, /^openssl s_client/);
    await terminal.idle();
    await expect(terminal.screen).toContainText('Verification: OK');
    await expect(goal(page)).toContainText('Goal reached.');

    await terminal.run('clear');
    await runSuggestion(terminal, /^aws iot update-certificate/, ['Tab', 'Enter']);
    await terminal.idle();
    await terminal.run('clear');
    await runSuggestion(terminal, /^openssl s_client/);
    await terminal.idle();
    await expect(terminal.screen).toContainText('REVOKED');
  });

  for (const broker of ['lab-server', 'in-page'] as const) {
    test(`s_client: an ACTIVE certificate from aws iot completes a mutual TLS handshake (${broker})`, async ({
      open,
    }) => {
      const terminal = await open('/certificates/', broker === 'in-page' ? 'in-page' : undefined);
      await terminal.run(
        'aws iot create-keys-and-certificate --set-as-active --certificate-pem-outfile d.crt --private-key-outfile d.key > made.json',
      );
      await terminal.idle();
      await terminal.run('clear');
      await terminal.run('openssl s_client -connect localhost:8883 -cert d.crt -key d.key');
      await terminal.idle();
      await expect(terminal.screen).toContainText('Verification: OK');
      await expect(terminal.screen).toContainText(/New, TLSv1\.3.*, Cipher is TLS_/);
      if (broker === 'lab-server') {
        // Real TLS completes; with no policy attached, the lab then refuses MQTT's CONNECT.
        await expect(terminal.screen).toContainText('<<< MQTT, CONNACK');
        await expect(terminal.screen).toContainText('note: after the handshake: The broker');
      }
      await terminal.scrollBack();
      await expect(terminal.screen).toContainText(
        broker === 'in-page' ? 'note: emulated:' : 'note: real TLS:',
      );
    });
  }
});
