import { expect, test } from '../support/fixtures.ts';
import { hasMosquittoClients, mosquittoPub, mosquittoSub } from '../support/mosquitto.ts';

// These use Debian's real mosquitto_sub and mosquitto_pub over raw TCP, the way a learner
// with a terminal reaches the lab server.
test.describe('native mosquitto clients and the browser share the lab broker', () => {
  test.skip(
    !hasMosquittoClients(),
    'mosquitto-clients is not installed: apt-get install -y mosquitto-clients',
  );

  test('what the browser publishes reaches mosquitto_sub over TCP', async ({ playground, lab }) => {
    const topic = `lab/interop/from-browser-${Date.now()}`;
    const subscriberId = `terminal-sub-${Date.now()}`;
    const sub = mosquittoSub([
      '-h',
      '127.0.0.1',
      '-p',
      String(lab.mqttPort),
      '-i',
      subscriberId,
      '-t',
      'lab/interop/#',
      '-v',
      '-C',
      '1',
      '-W',
      '20',
    ]);
    await lab.waitForLine(
      new RegExp(`lab:mqtt subscribe client=${subscriberId} via=tcp filter=lab/interop/# qos=0`),
    );

    const device = playground.client('Device');
    await device.connect();
    await device.publish(topic, '{"celsius": 22.75}', { qos: 1 });

    const result = await sub;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${topic} {"celsius": 22.75}`);
  });

  test('what mosquitto_pub sends appears in the browser log', async ({ playground, lab }) => {
    const dashboard = playground.client('Dashboard');
    await dashboard.connect();
    await dashboard.subscribe('lab/interop/#', 1);
    await expect(dashboard.log).toContainText('SUBACK for lab/interop/#: Granted QoS 1');

    const sent = mosquittoPub([
      '-h',
      '127.0.0.1',
      '-p',
      String(lab.mqttPort),
      '-i',
      'terminal-1',
      '-t',
      'lab/interop/from-terminal',
      '-m',
      'hi from the terminal',
      '-q',
      '1',
    ]);
    expect(sent.code).toBe(0);

    const message = dashboard.messagesOn('lab/interop/from-terminal');
    await expect(message).toHaveCount(1);
    await expect(message.locator('pre')).toHaveText('hi from the terminal');
    await expect(message.locator('.hs-badge').first()).toHaveText('QoS 1');
    await lab.waitForLine(/lab:mqtt connect client=terminal-1 via=tcp/);
  });

  test('mosquitto_pub to $SYS is refused and the lab log says why', async ({ lab }) => {
    const sent = mosquittoPub([
      '-h',
      '127.0.0.1',
      '-p',
      String(lab.mqttPort),
      '-i',
      'terminal-sys',
      '-t',
      '$SYS/broker/load',
      '-m',
      '1',
      '-q',
      '1',
    ]);
    // With QoS 1 the PUBACK never comes: the lab closes the connection instead.
    expect(sent.code).not.toBe(0);
    const line = await lab.waitForLine(/refused publish client=terminal-sys via=tcp/);
    expect(line).toContain('target=$SYS/broker/load code=reserved-topic');
    await lab.waitForLine(
      /disconnect client=terminal-sys via=tcp reason="refused publish to \$SYS\/broker\/load \(reserved-topic\)"/,
    );
  });
});
