import { describe, expect, test } from 'vitest';
import { TerminalSession } from '../../../src/core/shell/index.ts';
import { makeLab, tick } from './fakes.ts';
import { ScreenTerminal } from './screen.ts';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const HOME = '\x1b[H';
const END = '\x1b[F';
const DELETE = '\x1b[3~';

function open(cols = 80, files: Record<string, string> = {}) {
  const lab = makeLab(files);
  const terminal = new ScreenTerminal(cols);
  const session = new TerminalSession(lab.shell, terminal);
  session.start();
  /** Types keys and lets the command they start run. */
  const type = async (data: string) => {
    // The shell reads the file names Tab offers as it starts.
    await tick();
    terminal.type(data);
    for (let i = 0; i < 5; i++) await tick();
  };
  return { lab, terminal, session, type };
}

describe('the prompt', () => {
  test('a typed command runs on Enter and its output appears under it', async () => {
    const { terminal, type } = open();
    await type('echo hello\r');
    expect(terminal.lines).toEqual(['lab:~$ echo hello', 'hello', 'lab:~$']);
  });

  test('the cursor keys, Home, End, Backspace and Delete edit the line', async () => {
    const { terminal, type } = open();
    await type(`echo wrld${LEFT.repeat(3)}o${HOME}${DELETE}E${END}!\x7f?\r`);
    expect(terminal.lines.slice(0, 2)).toEqual([
      'lab:~$ Echo world?',
      'Echo: command not found. Did you mean echo?',
    ]);
  });

  test('Ctrl-A, Ctrl-E, Ctrl-U, Ctrl-K and Ctrl-W edit like readline', async () => {
    const { lab, type } = open();
    // Ctrl-W deletes back to a blank, so twice takes 'three' and then 'two '.
    await type('echo one two three\x17\x17four\r');
    await type('junk\x15echo kept\r');
    await type(`echo cut this\x01${RIGHT.repeat(8)}\x0b\x05 end\r`);
    expect(lab.shell.history).toEqual(['echo one four', 'echo kept', 'echo cut end']);
  });

  test('Alt-Backspace deletes a part of a word, up to a /', async () => {
    const { lab, type } = open();
    await type('echo lab/greenhouse\x1b\x7fx\r');
    expect(lab.shell.history).toEqual(['echo lab/x']);
  });

  test('Up and Down walk the history, and come back to the line being typed', async () => {
    const { terminal, type } = open();
    await type('echo first\r');
    await type('echo second\r');
    await type(`draft${UP}`);
    expect(terminal.lines.at(-1)).toBe('lab:~$ echo second');
    await type(UP);
    expect(terminal.lines.at(-1)).toBe('lab:~$ echo first');
    await type(UP + DOWN + DOWN);
    expect(terminal.lines.at(-1)).toBe('lab:~$ draft');
  });

  test('Ctrl-C at the prompt drops the line and shows a new prompt', async () => {
    const { lab, terminal, type } = open();
    await type('echo never\x03');
    expect(terminal.lines).toEqual(['lab:~$ echo never^C', 'lab:~$']);
    expect(lab.shell.history).toEqual([]);
  });

  test('Ctrl-C stops a running mosquitto_sub with exit status 130 and the prompt returns', async () => {
    const { lab, terminal, session, type } = open();
    await type("mosquitto_sub -t 'lab/#' -v\r");
    await lab.broker.waitForSubscription('lab/#');
    lab.broker.publish('lab/x', 'one');
    expect(session.busy).toBe(true);

    await type('\x03');
    expect(session.busy).toBe(false);
    expect(lab.shell.lastStatus).toBe(130);
    expect(terminal.lines).toEqual([
      "lab:~$ mosquitto_sub -t 'lab/#' -v",
      'lab/x one',
      '^C',
      'lab:~$',
    ]);
    expect(lab.broker.openSessions).toEqual([]);
  });

  test('lines typed while a command runs wait their turn; a pasted list runs in order', async () => {
    const { lab, terminal, type } = open();
    await type('mosquitto_sub -t a -C 1\r');
    await lab.broker.waitForSubscription('a');
    await type('echo queued\r');
    expect(terminal.lines.join('\n')).not.toContain('queued');

    lab.broker.publish('a', 'x');
    for (let i = 0; i < 10; i++) await tick();
    expect(terminal.lines.slice(-3)).toEqual(['lab:~$ echo queued', 'queued', 'lab:~$']);

    await type('echo one\necho two\n');
    expect(terminal.lines.slice(-5)).toEqual([
      'lab:~$ echo one',
      'one',
      'lab:~$ echo two',
      'two',
      'lab:~$',
    ]);
  });

  test('Ctrl-L clears the screen and keeps the line being typed', async () => {
    const { terminal, type } = open();
    await type('echo a\r');
    await type('echo b\x0c');
    expect(terminal.lines).toEqual(['lab:~$ echo b']);
  });

  test('Tab completes a unique command, then lists the choices on a second Tab', async () => {
    const { terminal, type } = open();
    await type('mosquitto_s\t');
    expect(terminal.lines.at(-1)).toBe('lab:~$ mosquitto_sub');
    await type('\x15mosq\t');
    expect(terminal.lines.at(-1)).toBe('lab:~$ mosquitto_');
    await type('\t');
    expect(terminal.lines.slice(-2)).toEqual(['mosquitto_pub  mosquitto_sub', 'lab:~$ mosquitto_']);
  });

  test('Tab completes a file after -f and quotes a filter with #', async () => {
    const { terminal, type } = open(80, { 'reading.json': '{}' });
    await type('mosquitto_pub -t lab/x -f rea\t');
    expect(terminal.lines.at(-1)).toBe('lab:~$ mosquitto_pub -t lab/x -f reading.json');
    await type('\x15mosquitto_sub -t la\t');
    expect(terminal.lines.at(-1)).toBe("lab:~$ mosquitto_sub -t 'lab/");
  });

  test('a long line wraps at a narrow width and edits in the middle stay in place', async () => {
    const { terminal, type } = open(18);
    const line = "mosquitto_sub -t 'lab/#' -v -C 1";
    await type(`${line}${LEFT.repeat(8)}X`);

    const shown = `lab:~$ ${line.slice(0, -8)}X${line.slice(-8)}`;
    expect(terminal.lines).toEqual(shown.match(/.{1,18}/g)!.map((row) => row.trimEnd()));
    const afterX = 'lab:~$ '.length + line.length - 8 + 1;
    expect([terminal.x, terminal.y]).toEqual([afterX % 18, Math.floor(afterX / 18)]);

    await type(END);
    expect([terminal.x, terminal.y]).toEqual([shown.length % 18, Math.floor(shown.length / 18)]);
  });

  test('a line that exactly fills the width puts the cursor on the next row', async () => {
    const { terminal, type } = open(10);
    await type('echo abc');
    expect(terminal.lines).toEqual(['lab:~$ ech', 'o abc']);
    await type('1234\r');
    expect(terminal.lines.slice(0, 3)).toEqual(['lab:~$ ech', 'o abc1234', 'abc1234']);
  });

  test('a suggested command is typed at the prompt, not run', async () => {
    const { lab, terminal, session } = open();
    session.type("mosquitto_sub -t 'lab/#' -v -C 1");
    expect(terminal.lines).toEqual(["lab:~$ mosquitto_sub -t 'lab/#' -v -C 1"]);
    expect(lab.broker.connects).toEqual([]);
  });

  test('errors are red and notes yellow', async () => {
    const { terminal, type } = open();
    await type('cat nope\r');
    expect(terminal.written).toContain(
      "\x1b[31mcat: nope: no such file; 'ls' lists your files\x1b[0m",
    );
    await type('echo $HOME\r');
    expect(terminal.written).toContain('\x1b[33mnote: a real shell would replace');
  });
});

describe('messages at a narrow width', () => {
  test('errors break at spaces and keep their indent, so words stay whole', async () => {
    const lab = makeLab();
    const terminal = new ScreenTerminal(40);
    new TerminalSession(lab.shell, terminal).start();
    await tick();
    terminal.type("mosquitto_sub -t 'a/#/b'\r");
    for (let i = 0; i < 5; i++) await tick();

    const lines = terminal.lines.slice(1);
    expect(lines[0]).toBe('Error: the topic filter "a/#/b" is');
    expect(lines.every((l) => l.length <= 40)).toBe(true);
    expect(lines.filter((l) => l.startsWith('  ')).length).toBeGreaterThan(3);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(
      "must be the last one [MQTT-4.7.1-2]. End the filter there ('a/#')",
    );
  });
});
