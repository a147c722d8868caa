import { describe, expect, test } from 'vitest';
import { Shell } from '../../../src/core/shell/index.ts';
import { makeLab, run, start } from './fakes.ts';

describe('mosquitto_pub', () => {
  test('publishes -m to the topic name, prints nothing and exits 0', async () => {
    const lab = makeLab();
    const ran = await run(lab.shell, `mosquitto_pub -t lab/x -m '{"t":21}'`);
    expect(ran).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(lab.broker.published).toEqual([
      { topic: 'lab/x', payload: '{"t":21}', qos: 0, retain: false },
    ]);
    expect(lab.broker.openSessions).toEqual([]);
  });

  test('a subscriber in the same page sees what it publishes', async () => {
    const lab = makeLab();
    const sub = start(lab.shell, "mosquitto_sub -t 'lab/#' -v -C 1");
    await lab.broker.waitForSubscription('lab/#');
    // The same broker, reached from a second terminal on the page.
    const second = new Shell({ files: lab.files, mqtt: lab.broker, clock: lab.clock });
    await run(second, 'mosquitto_pub -t lab/y -m hello');
    expect((await sub.done).stdout).toBe('lab/y hello\n');
  });

  test('an invalid topic name fails before connecting, naming the rule', async () => {
    const lab = makeLab();
    const ran = await run(lab.shell, "mosquitto_pub -t 'lab/+' -m x");
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain(
      'Error: the topic name "lab/+" is invalid, so mosquitto_pub did not connect',
    );
    expect(ran.stderr).toContain('[MQTT-4.7.1-1] Wildcard in a topic name');
    expect(lab.broker.connects).toEqual([]);
  });

  test('-r -n sends a retained null message, which deletes the retained one', async () => {
    const lab = makeLab();
    await run(lab.shell, 'mosquitto_pub -t lab/lamp -m on -r');
    expect(lab.broker.retained.has('lab/lamp')).toBe(true);

    const ran = await run(lab.shell, 'mosquitto_pub -t lab/lamp -r -n');
    expect(ran.status).toBe(0);
    expect(lab.broker.published.at(-1)).toEqual({
      topic: 'lab/lamp',
      payload: '',
      qos: 0,
      retain: true,
    });
    expect(lab.broker.retained.has('lab/lamp')).toBe(false);
  });

  test('-f sends a file from the file area; -l sends each line on its own', async () => {
    const lab = makeLab({ 'readings.txt': '20.5\n21\n21.5\n' });
    await run(lab.shell, 'mosquitto_pub -t lab/t -f readings.txt');
    await run(lab.shell, 'mosquitto_pub -t lab/t -f ./readings.txt -l');
    expect(lab.broker.published.map((p) => p.payload)).toEqual([
      '20.5\n21\n21.5\n',
      '20.5',
      '21',
      '21.5',
    ]);
  });

  test('-f with a file that is not there exits 1 before connecting', async () => {
    const lab = makeLab();
    const ran = await run(lab.shell, 'mosquitto_pub -t a -f missing.json');
    expect(ran).toEqual({
      status: 1,
      stdout: '',
      stderr: "Error: there is no file missing.json in your files; 'ls' lists them.\n",
    });
    expect(lab.broker.connects).toEqual([]);
  });

  test('-d shows the packets, with PUBACK for QoS 1', async () => {
    const lab = makeLab();
    const ran = await run(lab.shell, 'mosquitto_pub -t lab/x -m hello -q 1 -d -i dev');
    expect(ran.stdout).toBe(
      [
        'Client dev sending CONNECT',
        'Client dev received CONNACK (0)',
        "Client dev sending PUBLISH (d0, q1, r0, m1, 'lab/x', ... (5 bytes))",
        'Client dev received PUBACK (Mid: 1)',
        'Client dev sending DISCONNECT',
        '',
      ].join('\n'),
    );
  });

  test('-d counts bytes of UTF-8, not characters', async () => {
    const ran = await run(makeLab().shell, 'mosquitto_pub -t a -m 21°C -d -i x');
    expect(ran.stdout).toContain('... (5 bytes))');
  });
});

describe('mosquitto_pub when the broker refuses', () => {
  test('a refusal the lab explains is printed, and the exit status is 1', async () => {
    const lab = makeLab();
    const original = lab.broker.publish.bind(lab.broker);
    lab.broker.publish = (topic, payload, options) => {
      if (!topic.startsWith('$SYS/')) return original(topic, payload, options);
      const session = lab.broker.openSessions[0]!;
      session.listeners.refusal.forEach((l) =>
        l({
          action: 'publish',
          target: topic,
          title: 'Publishing to $SYS is not allowed',
          message: 'The broker publishes its own status there.',
          rule: 'MQTT 3.1.1 §4.7.2',
        }),
      );
      session.dropByBroker('The broker closed the connection.');
    };

    const ran = await run(lab.shell, "mosquitto_pub -t '$SYS/broker/uptime' -m 1");
    expect(ran.status).toBe(1);
    expect(ran.stderr).toBe(
      'lab refused publish $SYS/broker/uptime: Publishing to $SYS is not allowed. The broker ' +
        'publishes its own status there. [MQTT 3.1.1 §4.7.2]\n' +
        'Error: the broker closed the connection. The broker closed the connection.\n',
    );
  });
});

test('a QoS 1 publish whose connection closes does not wait forever for PUBACK', async () => {
  const lab = makeLab();
  const connect = lab.broker.connect.bind(lab.broker);
  lab.broker.connect = async (options) => {
    const session = await connect(options);
    // No PUBACK ever comes: the broker drops the connection instead.
    session.publish = () => {
      lab.broker.openSessions[0]!.dropByBroker('The broker closed the connection.');
      return new Promise(() => {});
    };
    return session;
  };

  const ran = await run(lab.shell, 'mosquitto_pub -t lab/x -m 1 -q 1');
  expect(ran).toEqual({
    status: 1,
    stdout: '',
    stderr: 'Error: the broker closed the connection. The broker closed the connection.\n',
  });
});
