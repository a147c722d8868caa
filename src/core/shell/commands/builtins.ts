/** `help`, `clear` and `history`: the shell's own commands. */
import type { Command } from '../command.ts';
import { optionsTable } from '../options.ts';
import { wrapText } from '../wrap.ts';

const KEYS = [
  'Keys: Tab completes commands, options, files and topics; Up and Down walk the history; ' +
    'Ctrl-C stops a command; Ctrl-L clears the screen; Ctrl-A and Ctrl-E go to the start and ' +
    'end; Ctrl-U and Ctrl-K delete before and after the cursor; Ctrl-W or Alt-Backspace ' +
    'delete a word.',
  'Press Esc, then Tab, to move the focus out of the terminal.',
  "Check the last command's exit status with echo $?.",
].join('\n');

export const help: Command = {
  name: 'help',
  summary: 'list the commands, or explain one',
  usage: 'help [command]',
  options: [],
  operands: ['command'],
  async run(ctx) {
    const name = ctx.argv[1];
    if (name === undefined) {
      const width = Math.max(...ctx.commands.map((c) => c.name.length));
      const rows = ctx.commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
      const text = `Commands (help <command> for its options):\n${rows.join('\n')}\n\n${KEYS}\n`;
      ctx.stdout.write(wrapText(text, ctx.columns));
      return 0;
    }

    const command = ctx.commands.find((c) => c.name === name);
    if (!command) {
      ctx.stderr.write(`help: no command '${name}'; 'help' lists them\n`);
      return 1;
    }
    const options = command.options.length > 0 ? `\n${optionsTable(command.options)}\n` : '';
    const text = `${command.name}: ${command.summary}\nUsage: ${command.usage}\n${options}`;
    ctx.stdout.write(wrapText(text, ctx.columns));
    return 0;
  },
};

export const clear: Command = {
  name: 'clear',
  summary: 'clear the screen (or press Ctrl-L)',
  usage: 'clear',
  options: [],
  async run(ctx) {
    // Home, erase the screen, erase the scrollback (ECMA-48 CUP and ED; ED 3 is xterm's).
    ctx.stdout.write('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
};

export const history: Command = {
  name: 'history',
  summary: 'list the command lines typed so far (-c forgets them)',
  usage: 'history [-c]',
  options: [{ flag: '-c', summary: 'forget the history' }],
  async run(ctx) {
    if (ctx.argv[1] === '-c') {
      ctx.clearHistory();
      return 0;
    }
    if (ctx.argv.length > 1) {
      ctx.stderr.write(`history: unknown option '${ctx.argv[1]}'; use history or history -c\n`);
      return 2;
    }

    // Numbers right-aligned in five columns, as bash prints them.
    const width = Math.max(5, String(ctx.history.length).length + 1);
    ctx.history.forEach((line, i) =>
      ctx.stdout.write(`${String(i + 1).padStart(width)}  ${line}\n`),
    );
    return 0;
  },
};
