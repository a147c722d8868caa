import { expect, test } from '../support/fixtures.ts';

test.describe('How MQTT works: the publish/subscribe playground', () => {
  test('a JSON message published by the device arrives pretty-printed in the dashboard log', async ({
    playground,
  }) => {
    const device = playground.client('Device');
    const dashboard = playground.client('Dashboard');
    await device.connect();
    await dashboard.connect();
    await dashboard.subscribe('lab/greenhouse/#', 1);
    await expect(dashboard.log).toContainText('SUBACK for lab/greenhouse/#: Granted QoS 1');

    await device.publish('lab/greenhouse/temperature', '{"celsius":21.5,"humidity":48}', {
      qos: 1,
    });

    const message = dashboard.messagesOn('lab/greenhouse/temperature');
    await expect(message).toHaveCount(1);
    await expect(message.locator('.hs-badge').first()).toHaveText('QoS 1');
    await expect(message.locator('pre[data-format="json"]')).toHaveText(
      '{\n  "celsius": 21.5,\n  "humidity": 48\n}',
    );
    await expect(message.locator('time')).toHaveText(/^\d\d:\d\d:\d\d\.\d{3}$/);
    await expect(device.log).toContainText('Published to lab/greenhouse/temperature');
    await expect(device.log).toContainText('PUBACK received');
  });

  test('each client gets its own client ID, and the lab logs both connections', async ({
    playground,
    lab,
  }) => {
    const device = playground.client('Device');
    const dashboard = playground.client('Dashboard');
    const deviceId = await device.clientId();
    const dashboardId = await dashboard.clientId();
    expect(deviceId).toMatch(/^sensor-[0-9a-z]{6}$/);
    expect(dashboardId).toMatch(/^dashboard-[0-9a-z]{6}$/);

    await device.connect();
    await dashboard.connect();
    await lab.waitForLine(new RegExp(`lab:mqtt connect client=${deviceId} via=ws`));
    await lab.waitForLine(new RegExp(`lab:mqtt connect client=${dashboardId} via=ws`));
  });

  test('payloads and topics are shown as text, never as HTML', async ({ playground, page }) => {
    const device = playground.client('Device');
    await device.connect();
    await device.subscribe('lab/html/#');
    const payload = '<img src=x onerror="document.body.dataset.pwned=1"><b>bold</b>';
    await device.publish('lab/html/<i>', payload);

    const message = device.messagesOn('lab/html/<i>');
    await expect(message.locator('pre')).toHaveText(payload);
    await expect(message.locator('img, b, i')).toHaveCount(0);
    expect(await page.evaluate(() => document.body.dataset['pwned'])).toBeUndefined();
  });

  test('the client refuses to send an invalid topic filter and names the rule', async ({
    playground,
  }) => {
    const dashboard = playground.client('Dashboard');
    await dashboard.connect();
    await dashboard.subscribe('sport/tennis#');

    const alert = dashboard.root.getByRole('form', { name: 'Subscribe' }).getByRole('alert');
    await expect(alert).toContainText('Not sent');
    await expect(alert).toContainText('[MQTT-4.7.1-2]');
    await expect(alert).toContainText('sport/tennis#');
    // Nothing went to the broker, so the connection is still up.
    await expect(dashboard.root.getByRole('status')).toHaveText('Connected');
  });

  test('the client refuses to publish to a topic name with a wildcard', async ({ playground }) => {
    const device = playground.client('Device');
    await device.connect();
    await device.publish('hello/+/hi', 'x');

    const alert = device.root.getByRole('form', { name: 'Publish' }).getByRole('alert');
    await expect(alert).toContainText('[MQTT-4.7.1-1]');
    await expect(device.root.getByRole('status')).toHaveText('Connected');
  });

  test('a publish to $SYS is refused by the lab, which closes the connection and says why', async ({
    playground,
    lab,
  }) => {
    const device = playground.client('Device');
    await device.connect();
    await device.publish('$SYS/broker/uptime', '1');

    await expect(device.root.getByRole('status')).toHaveText('Disconnected');
    await expect(device.log).toContainText('Connection closed by the broker');
    await expect(device.log).toContainText('Publishing to $SYS is not allowed');
    await lab.waitForLine(
      /refused publish client=sensor-\w+ via=ws target=\$SYS\/broker\/uptime code=reserved-topic/,
    );
  });

  test('a retained message reaches a client that subscribes later, flagged as retained', async ({
    playground,
  }) => {
    const device = playground.client('Device');
    const dashboard = playground.client('Dashboard');
    await device.connect();
    const topic = `lab/retained/${(await device.clientId()).slice(-6)}`;
    await device.publish(topic, 'door closed', { retain: true });
    await expect(device.log).toContainText(`Published to ${topic}`);

    await dashboard.connect();
    await dashboard.subscribe(topic);
    const message = dashboard.messagesOn(topic);
    await expect(message).toHaveCount(1);
    await expect(message).toContainText('retained');
    await expect(message.locator('pre')).toHaveText('door closed');
  });

  test('connecting a second client with the same ID is warned about first', async ({
    playground,
  }) => {
    const device = playground.client('Device');
    const dashboard = playground.client('Dashboard');
    await device.connect();
    await dashboard.root.getByLabel('Client ID').fill(await device.clientId());
    await dashboard.root.getByRole('button', { name: 'Connect', exact: true }).click();

    const warning = dashboard.root.getByRole('alert');
    await expect(warning).toContainText('is already connected from this page');
    await expect(warning).toContainText('[MQTT-3.1.4-2]');
    await expect(dashboard.root.getByRole('status')).toHaveText('Not connected');

    await warning.getByRole('button', { name: 'Connect anyway' }).click();
    await expect(dashboard.root.getByRole('status')).toHaveText('Connected');
    await expect(device.root.getByRole('status')).toHaveText('Disconnected');
    await expect(device.log).toContainText('Connection closed by the broker');
  });

  test('an mqtt:// broker address is refused with the ws:// form to use', async ({
    playground,
  }) => {
    const picker = await playground.pickCustomBroker('mqtt://127.0.0.1:1883');

    const alert = picker.getByRole('alert');
    await expect(alert).toContainText('Browsers cannot open raw MQTT connections');
    await expect(alert).toContainText('ws://127.0.0.1:8083/mqtt');
    // What the learner typed is still there to correct, and the broker did not change.
    await expect(picker.getByLabel('MQTT over WebSocket address', { exact: true })).toHaveValue(
      'mqtt://127.0.0.1:1883',
    );
    await expect(playground.page.locator('.hs-broker')).toHaveAttribute(
      'data-broker',
      'lab-server',
    );
  });
});
