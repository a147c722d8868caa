import { describe, expect, test } from 'vitest';
import { MqttConnectFailure } from '../../../src/core/shell/index.ts';
import { makeLab, run, start, tick } from './fakes.ts';

describe('mosquitto_sub', () => {
  test('an invalid filter fails before connecting, naming the rule it breaks', async () => {
    const lab = makeLab();
    const ran = await run(lab.shell, "mosquitto_sub -t 'a/#/b'");

    expect(ran.status).toBe(1);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toContain(
      'Error: the topic filter "a/#/b" is invalid, so mosquitto_sub did not connect',
    );
    expect(ran.stderr).toContain("[MQTT-4.7.1-2] '#' is not alone in the last level");
    expect(lab.broker.connects).toEqual([]);
  });

  test('every -t is checked, not just the first', async () => {
    const lab = makeLab();
    const ran = await run(lab.shell, "mosquitto_sub -t 'lab/#' -t 'sport+'");
    expect(ran.stderr).toContain('[MQTT-4.7.1-3]');
    expect(lab.broker.connects).toEqual([]);
  });

  test('-v prints the topic name before each payload, -C stops after that many', async () => {
    const lab = makeLab();
    const sub = start(lab.shell, "mosquitto_sub -t 'lab/#' -t 'x/+' -v -C 2");
    await lab.broker.waitForSubscription('x/+');

    lab.broker.publish('lab/x', '{"t":21}');
    lab.broker.publish('elsewhere', 'not for us');
    lab.broker.publish('x/y', 'second');
    lab.broker.publish('lab/late', 'after -C');

    expect(await sub.done).toEqual({
      status: 0,
      stdout: 'lab/x {"t":21}\nx/y second\n',
      stderr: '',
    });
    expect(lab.broker.openSessions).toEqual([]);
  });

  test('without -v only the payload is printed; a null message is an empty line', async () => {
    const lab = makeLab();
    const sub = start(lab.shell, 'mosquitto_sub -t lab/x -C 2');
    await lab.broker.waitForSubscription('lab/x');
    lab.broker.publish('lab/x', 'one');
    lab.broker.publish('lab/x', '');
    expect((await sub.done).stdout).toBe('one\n\n');
  });

  test('with -v a null message prints (null)', async () => {
    const lab = makeLab();
    const sub = start(lab.shell, 'mosquitto_sub -t lab/x -v -C 1');
    await lab.broker.waitForSubscription('lab/x');
    lab.broker.publish('lab/x', '');
    expect((await sub.done).stdout).toBe('lab/x (null)\n');
  });

  test('-W gives up with exit status 27 after that many seconds', async () => {
    const lab = makeLab();
    const sub = start(lab.shell, 'mosquitto_sub -t lab/quiet -W 5');
    await lab.broker.waitForSubscription('lab/quiet');

    lab.clock.advance(4999);
    await tick();
    expect(lab.broker.openSessions).toHaveLength(1);
    lab.clock.advance(1);

    expect(await sub.done).toEqual({
      status: 27,
      stdout: '',
      stderr: 'Timed out: 5 s passed (-W).\n',
    });
    expect(lab.broker.openSessions).toEqual([]);
  });

  test('a retained message arrives first, counts toward -C, and -d shows r1', async () => {
    const lab = makeLab();
    lab.broker.publish('lab/lamp', 'on', { qos: 0, retain: true });
    const ran = await run(lab.shell, 'mosquitto_sub -t lab/lamp -C 1 -d -i dash');

    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe(
      [
        'Client dash sending CONNECT',
        'Client dash received CONNACK (0)',
        'Client dash sending SUBSCRIBE (Mid: 1, Topic: lab/lamp, QoS: 0)',
        'Client dash received SUBACK',
        'Subscribed (mid: 1): 0',
        "Client dash received PUBLISH (d0, q0, r1, m0, 'lab/lamp', ... (2 bytes))",
        'on',
        'Client dash sending DISCONNECT',
        '',
      ].join('\n'),
    );
  });

  test('without -i the client ID is sub- and six letters or digits', async () => {
    const lab = makeLab();
    const sub = start(lab.shell, 'mosquitto_sub -t a -C 1');
    await lab.broker.waitForSubscription('a');
    lab.broker.publish('a', 'x');
    await sub.done;
    expect(lab.broker.connects[0]).toMatch(/^sub-[a-z0-9]{6}$/);
  });

  test('Ctrl-C stops it with exit status 130 and disconnects', async () => {
    const lab = makeLab();
    const sub = start(lab.shell, "mosquitto_sub -t 'lab/#'");
    await lab.broker.waitForSubscription('lab/#');

    sub.abort();
    expect((await sub.done).status).toBe(130);
    await tick();
    expect(lab.broker.openSessions).toEqual([]);
    expect(lab.shell.lastStatus).toBe(130);
  });

  test('a refused connection exits with the CONNACK return code', async () => {
    const lab = makeLab();
    lab.broker.refuseWith = new MqttConnectFailure(
      'CONNACK 5: Not authorized',
      'The client is not allowed to connect.',
      5,
    );
    const ran = await run(lab.shell, 'mosquitto_sub -t a');
    expect(ran.status).toBe(5);
    expect(ran.stderr).toBe(
      'Connection error: CONNACK 5: Not authorized. The client is not allowed to connect.\n',
    );
  });

  test('an unreachable broker exits with 1 and says what failed', async () => {
    const lab = makeLab();
    lab.broker.refuseWith = new MqttConnectFailure(
      'No MQTT over WebSocket there',
      'Could not open a WebSocket.',
    );
    const ran = await run(lab.shell, 'mosquitto_sub -t a');
    expect(ran).toEqual({
      status: 1,
      stdout: '',
      stderr: 'Error: No MQTT over WebSocket there. Could not open a WebSocket.\n',
    });
  });

  test('a filter the broker refuses (SUBACK 0x80) ends the command with 1', async () => {
    const lab = makeLab();
    lab.broker.refusedFilters.add('secret/#');
    const ran = await run(lab.shell, "mosquitto_sub -t 'secret/#' -d -i s");
    expect(ran.status).toBe(1);
    expect(ran.stdout).toContain('Subscribed (mid: 1): 128');
    expect(ran.stderr).toContain('the broker refused every subscription (SUBACK 0x80)');
  });

  test('the broker closing the connection ends the command with 1 and its reason', async () => {
    const lab = makeLab();
    const sub = start(lab.shell, 'mosquitto_sub -t a');
    await lab.broker.waitForSubscription('a');
    lab.broker.openSessions[0]!.dropByBroker('Another client connected with this client ID.');
    expect(await sub.done).toMatchObject({
      status: 1,
      stderr:
        'Error: the broker closed the connection. Another client connected with this client ID.\n',
    });
  });

  test("-h and -p that differ from the lab get a one-line note; the lab's own do not", async () => {
    const lab = makeLab();
    const elsewhere = start(lab.shell, 'mosquitto_sub -t a -h broker.example -p 1883 -C 1');
    await lab.broker.waitForSubscription('a');
    lab.broker.publish('a', 'x');
    expect((await elsewhere.done).stderr).toBe(
      "note: in the page, mosquitto_sub always uses the page's broker (Fake lab); a native " +
        'mosquitto_sub reaches it with -h 127.0.0.1 -p 1883, not -h broker.example -p 1883.\n',
    );

    const same = start(lab.shell, 'mosquitto_sub -t b -h localhost -p 1883 -C 1');
    await lab.broker.waitForSubscription('b');
    lab.broker.publish('b', 'x');
    expect((await same.done).stderr).toBe('');
  });

  test('--cafile, --cert and --key are accepted and explained', async () => {
    const lab = makeLab();
    const sub = start(
      lab.shell,
      'mosquitto_sub -t a --cafile ca.pem --cert d.pem --key d.key -C 1',
    );
    await lab.broker.waitForSubscription('a');
    lab.broker.publish('a', 'x');
    const ran = await sub.done;
    expect(ran.status).toBe(0);
    expect(ran.stderr).toContain("against the lab server's TLS port");
  });

  test('control characters in a payload are shown, not obeyed', async () => {
    const lab = makeLab();
    const sub = start(lab.shell, 'mosquitto_sub -t a -C 1');
    await lab.broker.waitForSubscription('a');
    lab.broker.publish('a', 'red\x1b[31m\tbell\x07');
    expect((await sub.done).stdout).toBe('red^[[31m\tbell^G\n');
  });
});
