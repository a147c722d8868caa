/**
 * `ls`, `cat`, `rm` and `echo` over the learner's file area. Like their POSIX namesakes they
 * go on after a missing file and exit with 1 at the end.
 */
import type { Command, CommandContext } from '../command.ts';
import { fileName } from '../file-area.ts';
import { has, parseOptions, type OptionProblem } from '../options.ts';
import { printable } from '../printable.ts';

const NO_STDIN = 'the page has no standard input';

export const ls: Command = {
  name: 'ls',
  summary: 'list your files',
  usage: 'ls [-l] [file …]',
  options: [{ flag: '-l', summary: 'show size and time of last change' }],
  operands: ['file'],
  async run(ctx) {
    const parsed = parseOptions(ctx.argv.slice(1), this.options, { operands: true });
    if (!parsed.ok) return mistake(ctx, 'ls', `unknown option '${problemWord(parsed.problem)}'`);

    const files = await ctx.files.list();
    const wanted = parsed.parsed.operands;
    let status = 0;
    for (const path of wanted) {
      const name = fileName(path);
      if (!name.ok || !files.some((f) => f.name === name.name)) {
        ctx.stderr.write(`ls: cannot access '${path}': no such file\n`);
        status = 1;
      }
    }

    const shown = wanted.length === 0 ? files : files.filter((f) => wanted.includes(f.name));
    const long = has(parsed.parsed, '-l');
    for (const file of shown) {
      if (!long) {
        ctx.stdout.write(`${file.name}\n`);
        continue;
      }
      const time = new Date(file.modified).toISOString().slice(0, 16).replace('T', ' ');
      ctx.stdout.write(`${String(file.size).padStart(7)}  ${time}  ${file.name}\n`);
    }

    return status;
  },
};

export const cat: Command = {
  name: 'cat',
  summary: 'print files',
  usage: 'cat file …',
  options: [],
  operands: ['file'],
  async run(ctx) {
    const paths = ctx.argv.slice(1);
    if (paths.length === 0) return mistake(ctx, 'cat', `give a file name (${NO_STDIN})`);

    let status = 0;
    for (const path of paths) {
      const text = await readNamed(ctx, 'cat', path);
      if (text === undefined) {
        status = 1;
        continue;
      }
      ctx.stdout.write(printable(text));
    }

    return status;
  },
};

export const rm: Command = {
  name: 'rm',
  summary: 'remove files',
  usage: 'rm [-f] file …',
  options: [{ flag: '-f', summary: 'say nothing about files that do not exist' }],
  operands: ['file'],
  async run(ctx) {
    const parsed = parseOptions(ctx.argv.slice(1), this.options, { operands: true });
    if (!parsed.ok) return mistake(ctx, 'rm', `unknown option '${problemWord(parsed.problem)}'`);

    const force = has(parsed.parsed, '-f');
    const paths = parsed.parsed.operands;
    if (paths.length === 0 && !force) return mistake(ctx, 'rm', 'give the files to remove');

    let status = 0;
    for (const path of paths) {
      const name = fileName(path);
      const removed = name.ok && (await ctx.files.remove(name.name));
      if (!removed && !force) {
        ctx.stderr.write(`rm: cannot remove '${path}': no such file\n`);
        status = 1;
      }
    }
    ctx.emit({ kind: 'files-changed' });

    return status;
  },
};

export const echo: Command = {
  name: 'echo',
  summary: 'print its words; with > file, write them to a file',
  usage: 'echo [-n] [word …] [> file | >> file]',
  options: [{ flag: '-n', summary: 'no newline at the end' }],
  async run(ctx) {
    const words = ctx.argv.slice(1);
    const noNewline = words[0] === '-n';
    const text = (noNewline ? words.slice(1) : words).join(' ');
    ctx.stdout.write(noNewline ? text : `${text}\n`);

    return 0;
  },
};

/** A file's text, or undefined after saying on stderr why it cannot be read. */
export async function readNamed(
  ctx: CommandContext,
  tool: string,
  path: string,
): Promise<string | undefined> {
  const name = fileName(path);
  if (!name.ok) {
    ctx.stderr.write(`${tool}: ${path}: ${name.why}\n`);
    return undefined;
  }

  const text = await ctx.files.read(name.name);
  if (text === undefined)
    ctx.stderr.write(`${tool}: ${path}: no such file; 'ls' lists your files\n`);

  return text;
}

function mistake(ctx: CommandContext, tool: string, problem: string): number {
  ctx.stderr.write(`${tool}: ${problem}\n`);
  return 1;
}

function problemWord(problem: OptionProblem): string {
  return problem.kind === 'unknown' ? problem.word : problem.option.flag;
}
