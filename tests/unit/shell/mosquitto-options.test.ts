import { describe, expect, test } from 'vitest';
import { makeLab, run } from './fakes.ts';

const SUB_USAGE =
  'Usage: mosquitto_sub -t filter [-t filter …] [-v] [-C count] [-W seconds] [-q qos] [-i id] ' +
  '[-d] [-h host] [-p port] [--cafile file --cert file --key file]\n' +
  "Run 'mosquitto_sub --help' to see what each option does.\n";

describe('mosquitto_sub reads its command line like the real client', () => {
  test.each([
    ['mosquitto_sub -t a -Z', "Error: Unknown option '-Z'.\n\n"],
    ['mosquitto_sub foo', "Error: Unknown option 'foo'.\n\n"],
    ['mosquitto_sub -t a -m hi', "Error: Unknown option '-m'.\n\n"],
    ['mosquitto_sub -t', 'Error: -t needs a filter after it.\n\n'],
    ['mosquitto_sub', "Error: Give a topic filter to subscribe with, e.g. -t 'lab/#'.\n\n"],
    ['mosquitto_sub -t a -q 3', "Error: Invalid QoS '3': use 0, 1 or 2.\n\n"],
    [
      'mosquitto_sub -t a -C 0',
      "Error: Invalid message count '0': give a whole number of 1 or more.\n\n",
    ],
    [
      'mosquitto_sub -t a -W soon',
      "Error: Invalid timeout 'soon': give a whole number of 1 or more.\n\n",
    ],
    [
      'mosquitto_sub -t a -p 99999',
      "Error: Invalid port '99999': give a number from 1 to 65535.\n\n",
    ],
    [
      'mosquitto_sub -t a -u me',
      "Error: -u is an option of the real mosquitto_sub, but not of this terminal's.\n\n",
    ],
  ])('%s: exit 1, the problem, then the usage, without connecting', async (line, problem) => {
    const lab = makeLab();
    const ran = await run(lab.shell, line);
    expect(ran).toEqual({ status: 1, stdout: '', stderr: problem + SUB_USAGE });
    expect(lab.broker.connects).toEqual([]);
  });

  test('--help prints every option and the exit statuses, and exits 0', async () => {
    const ran = await run(makeLab().shell, 'mosquitto_sub --help');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(
      '  -t filter      topic filter to subscribe with; may be repeated',
    );
    expect(ran.stdout).toContain('27 when -W runs out');
    expect(ran.stderr).toBe('');
  });

  test('a value that starts with - is still the value, as in mosquitto', async () => {
    const lab = makeLab();
    const sub = run(lab.shell, 'mosquitto_sub -t -v -C 1');
    await lab.broker.waitForSubscription('-v');
    lab.broker.publish('-v', 'odd but valid');
    expect(await sub).toMatchObject({ status: 0, stdout: 'odd but valid\n' });
  });
});

describe('mosquitto_pub reads its command line like the real client', () => {
  const PUB_USAGE =
    'Usage: mosquitto_pub -t topic {-m message | -f file | -n} [-l] [-r] [-q qos] [-i id] [-d] ' +
    '[-h host] [-p port] [--cafile file --cert file --key file]\n' +
    "Run 'mosquitto_pub --help' to see what each option does.\n";

  test.each([
    ['mosquitto_pub -t a', 'Error: Give both a topic name (-t) and a message (-m, -f or -n).'],
    ['mosquitto_pub -m hi', 'Error: Give both a topic name (-t) and a message (-m, -f or -n).'],
    ['mosquitto_pub -t a -m x -n', 'Error: Give one message: -m, -f or -n, once.'],
    ['mosquitto_pub -t a -m x -m y', 'Error: Give one message: -m, -f or -n, once.'],
    [
      'mosquitto_pub -t a -l',
      'Error: -l splits the text of -m or -f into lines; give one of them.',
    ],
    ['mosquitto_pub -t a -m x -v', "Error: Unknown option '-v'."],
    ['mosquitto_pub -t a -m x -C 1', "Error: Unknown option '-C'."],
    ['mosquitto_pub -t a -m x -q 5', "Error: Invalid QoS '5': use 0, 1 or 2."],
    [
      'mosquitto_pub -t a -m x --repeat 3',
      "Error: --repeat is an option of the real mosquitto_pub, but not of this terminal's.",
    ],
  ])('%s: exit 1 with the problem and the usage', async (line, problem) => {
    const lab = makeLab();
    const ran = await run(lab.shell, line);
    expect(ran).toEqual({ status: 1, stdout: '', stderr: `${problem}\n\n${PUB_USAGE}` });
    expect(lab.broker.connects).toEqual([]);
  });

  test('a repeated -t is allowed and the last one wins, as in mosquitto', async () => {
    const lab = makeLab();
    expect((await run(lab.shell, 'mosquitto_pub -t a -t b -m x')).status).toBe(0);
    expect(lab.broker.published.map((p) => p.topic)).toEqual(['b']);
  });
});
