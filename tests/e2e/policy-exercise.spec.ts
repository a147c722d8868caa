import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Locator } from '@playwright/test';
import { test as labTest } from '../support/fixtures.ts';
import { hasMosquittoClients, mosquittoPub } from '../support/mosquitto.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

// The policies lesson's live exercise in the in-page lab: the built site on a static host, so
// the page's own broker enforces the policy on the page's own device.
const DIST = resolve(import.meta.dirname, '../../dist');
const ARN = 'arn:aws:iot:us-east-1:123456789012';

const test = base.extend<{ exercise: Locator }, { site: StaticServer }>({
  site: [
    async ({}, use) => {
      const server = await startStaticServer(DIST);
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  exercise: async ({ page, site }, use) => {
    await page.goto(new URL('policies/', site.url).toString());
    const found = page.getByRole('group', { name: 'Policy exercise' });
    await found.scrollIntoViewIfNeeded();
    await expect(found).toHaveAttribute('data-ready', 'true');
    await use(found);
  },
});

function entries(exercise: Locator): Locator {
  return exercise.locator('.hs-exercise-log__entries > li');
}

/** Makes the device and attaches the example policy; returns the thing name. */
async function deviceWithPolicy(exercise: Locator): Promise<string> {
  await exercise.getByRole('button', { name: 'Make my device' }).click();
  const thing = exercise.getByTestId('thing-name');
  await expect(thing).toHaveText(/^sensor-[a-z2-9]{4}$/);
  const thingName = (await thing.textContent()) ?? '';

  await exercise.getByRole('button', { name: 'Attach to my certificate' }).click();
  await expect(exercise.getByTestId('attached')).toHaveText(
    `In force: ${thingName}-policy version 1.`,
  );
  return thingName;
}

async function connect(exercise: Locator) {
  await exercise.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(exercise.getByRole('button', { name: 'Disconnect' })).toBeVisible();
}

test.describe('Policy exercise in the in-page lab', () => {
  test('the device publishes to its own topic, and is cut off for another device’s', async ({
    exercise,
  }) => {
    const thing = await deviceWithPolicy(exercise);
    await connect(exercise);
    await expect(entries(exercise).first()).toContainText(
      `Connected as ${thing} over mutual TLS (CONNACK 0x00).`,
    );

    await exercise.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(entries(exercise).first()).toContainText(
      `Published to sensors/${thing}/temperature (PUBACK).`,
    );

    await exercise.getByRole('button', { name: "publish to another device's topic" }).click();
    const refused = entries(exercise).filter({
      hasText: 'Refused publish sensors/another-device/temperature',
    });
    await expect(refused).toHaveCount(1);
    const why = refused.locator('.hs-refusal__why');
    await expect(why.locator('dd[data-outcome]')).toHaveText('Implicitly denied');
    await expect(why).toContainText(
      `iot:Publish on ${ARN}:topic/sensors/another-device/temperature`,
    );
    await expect(why).toContainText(
      `policy "${thing}-policy" v1, Statement[1] "PublishOwnTelemetry"`,
    );
    await expect(exercise.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
  });

  test('a broad subscription gets SUBACK 0x80, a command on its own topic arrives', async ({
    exercise,
  }) => {
    const thing = await deviceWithPolicy(exercise);
    await connect(exercise);

    await exercise.getByRole('button', { name: 'subscribe to #' }).click();
    await expect(
      entries(exercise).filter({
        hasText: 'SUBACK 0x80 for #: the subscription was refused; the connection stays.',
      }),
    ).toHaveCount(1);

    await exercise.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect(entries(exercise).first()).toContainText(
      `Subscribed to commands/${thing}/# (SUBACK QoS 1).`,
    );
    await exercise.getByRole('button', { name: 'Console: send a command' }).click();
    await expect(
      entries(exercise).filter({ hasText: `Received on commands/${thing}/fan: on` }),
    ).toHaveCount(1);
  });

  test('connecting with a client ID that is not the thing name is refused with the reason', async ({
    exercise,
  }) => {
    await deviceWithPolicy(exercise);
    await exercise.getByRole('button', { name: 'connect as another-device' }).click();
    const refused = entries(exercise).filter({ hasText: 'CONNECT as another-device refused' });
    await expect(refused).toHaveCount(1);
    await expect(refused.locator('.hs-refusal__why')).toContainText(
      `iot:Connect on ${ARN}:client/another-device`,
    );
  });

  test('a policy that is not JSON cannot be attached, and the text is kept', async ({
    exercise,
  }) => {
    await exercise.getByRole('button', { name: 'Make my device' }).click();
    const field = exercise.getByLabel('Policy for the device');
    await field.fill('{"Version": "2012-10-17", "Statement": [],}');
    await expect(exercise.locator('.hs-json-verdict')).toHaveText('✘ Not JSON: 1 error');
    await expect(exercise.getByRole('button', { name: 'Attach to my certificate' })).toBeDisabled();
    await expect(field).toHaveValue('{"Version": "2012-10-17", "Statement": [],}');
  });
});

// With the lab server, the device is Debian's mosquitto_pub over real mutual TLS on the lab's
// 8883 listener, and the page follows the broker's answers on its event stream.
labTest.describe('Policy exercise with the lab server and mosquitto_pub', () => {
  labTest.skip(!hasMosquittoClients(), 'needs mosquitto-clients (npm test installs them as root)');

  labTest(
    'each refusal of the native device shows up in the page with its reason',
    async ({ page, lab }) => {
      await page.goto(new URL('/policies/', lab.url).toString());
      const exercise = page.getByRole('group', { name: 'Policy exercise' });
      await exercise.scrollIntoViewIfNeeded();
      await expect(exercise).toHaveAttribute('data-ready', 'true');
      await expect(exercise.locator('.hs-broker')).toHaveAttribute('data-broker', 'lab-server');
      const thing = await deviceWithPolicy(exercise);

      // The device kit, as the learner saves it from the page's download links.
      const kit = mkdtempSync(join(tmpdir(), 'handshake-exercise-'));
      const device = await page.evaluate(() =>
        JSON.parse(localStorage.getItem('handshake.policy.exercise.lab-server') ?? 'null'),
      );
      writeFileSync(join(kit, 'device.crt'), device.certificatePem);
      writeFileSync(join(kit, 'device.key'), device.privateKeyPem);
      const tls = [
        ...['-h', 'localhost', '-p', String(lab.mtlsPort)],
        ...['--cafile', join(lab.dataDir, 'ca', 'lab-root-ca.pem')],
        ...['--cert', join(kit, 'device.crt'), '--key', join(kit, 'device.key')],
      ];

      try {
        const own = mosquittoPub([
          ...tls,
          '-i',
          thing,
          '-t',
          `sensors/${thing}/temperature`,
          '-m',
          '21',
        ]);
        expect(own.code).toBe(0);
        await expect(
          entries(exercise)
            .filter({ hasText: `${thing} connected over mtls.` })
            .first(),
        ).toBeVisible();

        mosquittoPub([
          ...tls,
          '-i',
          thing,
          '-q',
          '1',
          '-t',
          'sensors/another-device/temperature',
          '-m',
          '99',
        ]);
        const refused = entries(exercise).filter({
          hasText: 'Refused publish sensors/another-device/temperature',
        });
        await expect(refused).toHaveCount(1);
        await expect(refused.locator('dd[data-outcome]')).toHaveText('Implicitly denied');
        await expect(refused.locator('.hs-refusal__why')).toContainText(
          `policy "${thing}-policy" v1, Statement[1] "PublishOwnTelemetry"`,
        );

        const stranger = mosquittoPub([...tls, '-i', 'another-device', '-t', 'x', '-m', 'hi']);
        expect(stranger.code).not.toBe(0);
        expect(stranger.output).toMatch(/not authori[sz]ed/i);
        await expect(
          entries(exercise).filter({ hasText: 'Refused connect another-device' }),
        ).toHaveCount(1);
      } finally {
        rmSync(kit, { recursive: true, force: true });
      }
    },
  );
});
