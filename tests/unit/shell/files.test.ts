import { describe, expect, test } from 'vitest';
import { FileAreaError, MemoryFileArea, Shell } from '../../../src/core/shell/index.ts';
import { ManualClock, FakeBroker, makeLab, run } from './fakes.ts';

describe('echo, cat, ls and rm over the file area', () => {
  test('echo > writes a file, >> appends, cat prints it', async () => {
    const lab = makeLab();
    expect(await run(lab.shell, `echo '{"t":21}' > t.json`)).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
    await run(lab.shell, `echo '{"t":22}' >> t.json`);
    expect(await lab.files.read('t.json')).toBe('{"t":21}\n{"t":22}\n');
    expect(await run(lab.shell, 'cat t.json')).toEqual({
      status: 0,
      stdout: '{"t":21}\n{"t":22}\n',
      stderr: '',
    });
  });

  test('> empties the file before the command runs, as a shell does', async () => {
    const lab = makeLab({ 'a.txt': 'old\n' });
    const ran = await run(lab.shell, 'cat a.txt > a.txt');
    expect(ran.status).toBe(0);
    expect(await lab.files.read('a.txt')).toBe('');
  });

  test('echo -n leaves out the newline; no words print an empty line', async () => {
    const lab = makeLab();
    expect((await run(lab.shell, 'echo -n hi')).stdout).toBe('hi');
    expect((await run(lab.shell, 'echo')).stdout).toBe('\n');
  });

  test('ls lists files by name; -l adds size and time', async () => {
    const lab = makeLab({ 'b.json': '{}', 'a.txt': 'hello' });
    expect((await run(lab.shell, 'ls')).stdout).toBe('a.txt\nb.json\n');
    expect((await run(lab.shell, 'ls -l a.txt')).stdout).toBe('      5  1970-01-01 00:00  a.txt\n');
    expect(await run(lab.shell, 'ls nope')).toEqual({
      status: 1,
      stdout: '',
      stderr: "ls: cannot access 'nope': no such file\n",
    });
  });

  test('cat goes on after a missing file and exits 1', async () => {
    const lab = makeLab({ 'a.txt': 'A\n' });
    expect(await run(lab.shell, 'cat missing a.txt')).toEqual({
      status: 1,
      stdout: 'A\n',
      stderr: "cat: missing: no such file; 'ls' lists your files\n",
    });
    expect((await run(lab.shell, 'cat')).stderr).toBe(
      'cat: give a file name (the page has no standard input)\n',
    );
  });

  test('rm removes files; -f is quiet about missing ones', async () => {
    const lab = makeLab({ 'a.txt': 'A', 'b.txt': 'B' });
    expect(await run(lab.shell, 'rm a.txt nope')).toEqual({
      status: 1,
      stdout: '',
      stderr: "rm: cannot remove 'nope': no such file\n",
    });
    expect((await run(lab.shell, 'rm -f b.txt nope')).status).toBe(0);
    expect(await lab.files.list()).toEqual([]);
  });

  test('a file name with a folder in it is refused with the reason', async () => {
    const lab = makeLab();
    const ran = await run(lab.shell, 'echo x > certs/ca.pem');
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain('this file area has no folders');
  });

  test('a full file area says so instead of failing silently', async () => {
    const files = new MemoryFileArea();
    files.write = async () => {
      throw new FileAreaError('your files are full (1 MB); remove some with rm');
    };
    const shell = new Shell({ files, mqtt: new FakeBroker(), clock: new ManualClock() });
    const ran = await run(shell, 'echo x > big.txt');
    expect(ran).toEqual({
      status: 1,
      stdout: '',
      stderr: 'shell: cannot write to big.txt: your files are full (1 MB); remove some with rm\n',
    });
  });

  test('the output of mosquitto_sub can be saved with >', async () => {
    const lab = makeLab();
    const sub = run(lab.shell, "mosquitto_sub -t 'lab/#' -v -C 1 > log.txt");
    await lab.broker.waitForSubscription('lab/#');
    lab.broker.publish('lab/x', 'saved');
    expect((await sub).stdout).toBe('');
    expect(await lab.files.read('log.txt')).toBe('lab/x saved\n');
  });
});

describe('the shell itself', () => {
  test('an unknown command exits 127 and suggests the nearest name', async () => {
    const ran = await run(makeLab().shell, 'mosquito_sub -t a');
    expect(ran).toEqual({
      status: 127,
      stdout: '',
      stderr: 'mosquito_sub: command not found. Did you mean mosquitto_sub?\n',
    });
  });

  test('openssl in a shell without WebCrypto says it cannot make keys there', async () => {
    const ran = await run(makeLab().shell, 'openssl genpkey -algorithm RSA');
    expect(ran).toEqual({
      status: 1,
      stdout: '',
      stderr: 'genpkey: this page has no WebCrypto, so keys cannot be made here\n',
    });
  });

  test('&& stops after a failure; || runs after one', async () => {
    const lab = makeLab();
    expect((await run(lab.shell, 'cat nope && echo after')).stdout).toBe('');
    expect((await run(lab.shell, 'cat nope || echo fallback')).stdout).toBe('fallback\n');
    expect((await run(lab.shell, 'cat nope; echo anyway')).stdout).toBe('anyway\n');
  });

  test('$? is the exit status of the command before it, as in a shell', async () => {
    const lab = makeLab();
    const ran = await run(lab.shell, "mosquitto_sub -t 'a/#/b'; echo \"exit $?\"; echo '$?' $?");
    expect(ran.stdout).toBe('exit 1\n$? 0\n');
    expect(ran.stderr).not.toContain('note:');
    await run(lab.shell, 'mosquito_sub');
    expect((await run(lab.shell, 'echo $?')).stdout).toBe('127\n');
  });

  test('a syntax problem exits 2 and says what to fix', async () => {
    expect(await run(makeLab().shell, "echo 'open")).toEqual({
      status: 2,
      stdout: '',
      stderr: "shell: the line ends inside an open '; close it and try again\n",
    });
  });

  test('help lists every command; help <command> shows its usage and options', async () => {
    const lab = makeLab();
    const list = await run(lab.shell, 'help');
    for (const name of [
      'mosquitto_sub',
      'mosquitto_pub',
      'topic',
      'json',
      'echo',
      'cat',
      'ls',
      'rm',
      'help',
      'clear',
      'history',
    ]) {
      expect(list.stdout).toContain(`  ${name} `);
    }
    const one = await run(lab.shell, 'help mosquitto_pub');
    expect(one.stdout).toContain('Usage: mosquitto_pub -t topic');
    expect(one.stdout).toContain('-r             ask the broker to retain the message');
  });

  test('history numbers the lines; history -c forgets them', async () => {
    const lab = makeLab();
    lab.shell.remember('ls');
    lab.shell.remember('ls');
    lab.shell.remember('echo hi');
    expect((await run(lab.shell, 'history')).stdout).toBe('    1  ls\n    2  echo hi\n');
    await run(lab.shell, 'history -c');
    expect(lab.shell.history).toEqual([]);
  });

  test('clear erases the screen and the scrollback', async () => {
    expect((await run(makeLab().shell, 'clear')).stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
  });

  test("topic check runs the project's topic checker", async () => {
    const ran = await run(
      makeLab().shell,
      "topic check 'sport/#' sport sport/tennis --profile aws-iot",
    );
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain("topic filter 'sport/#', profile aws-iot");
    expect(ran.stdout).toMatch(/✘ no match\s+sport\s/);
    expect((await run(makeLab().shell, 'topic check')).stderr).toContain(
      'topic check: missing the topic filter',
    );
  });
});
