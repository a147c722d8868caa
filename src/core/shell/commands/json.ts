/**
 * `json check <file>` and `json format <file>` over the learner's files, with the course's JSON
 * checker (src/core/json): the same problems, positions and words as the JSON lesson's widgets
 * and `handshake json check`. The checker (and its schema validator) loads on first use.
 */
import type { Command, CommandContext } from '../command.ts';
import { fileName } from '../file-area.ts';
import { readNamed } from './files.ts';

const USAGE = 'json check <file> [--schema <file|name>] [--json]  |  json format <file> [--minify]';
const SUBCOMMANDS = ['check', 'format'] as const;

export const json: Command = {
  name: 'json',
  summary: 'check that a file is JSON, or print it formatted',
  usage: USAGE,
  options: [
    {
      flag: '--schema',
      value: 'file',
      summary: 'check: a JSON Schema file or built-in schema',
      complete: 'file',
    },
    { flag: '--json', summary: 'check: print the result as JSON' },
    { flag: '--minify', summary: 'format: print without whitespace' },
  ],
  operands: [{ words: SUBCOMMANDS }, 'file'],
  async run(ctx) {
    const [, sub, ...args] = ctx.argv;
    if (sub === 'check') return check(ctx, args);
    if (sub === 'format') return format(ctx, args);

    ctx.stderr.write(
      `json: ${sub === undefined ? 'say what to do' : `unknown subcommand '${sub}'`}.\nUsage: ${USAGE}\n`,
    );
    return 2;
  },
};

async function check(ctx: CommandContext, args: string[]): Promise<number> {
  const { runJsonCheck } = await import('../../json/check-command.ts');
  const files = await preload(ctx, args);
  const result = runJsonCheck(args, (path) => {
    if (path === '-')
      return { ok: false, missing: true, message: 'the page has no standard input; give a file' };

    const text = files.get(path);
    if (text === undefined) {
      return { ok: false, missing: true, message: `${path}: no such file; 'ls' lists your files` };
    }
    return { ok: true, bytes: utf8(text) };
  });

  // The checker names itself as the Node command; here it is `json check`.
  ctx.stdout.write(result.stdout.replaceAll('handshake json check', 'json check'));
  ctx.stderr.write(result.stderr.replaceAll('handshake json check', 'json check'));
  return result.exitCode;
}

async function format(ctx: CommandContext, args: string[]): Promise<number> {
  const minify = args.includes('--minify');
  const paths = args.filter((a) => a !== '--minify');
  const unknown = paths.find((a) => a.startsWith('-'));
  if (unknown !== undefined || paths.length !== 1) {
    const problem = unknown ? `unknown option '${unknown}'` : 'give one file to format';
    ctx.stderr.write(`json format: ${problem}.\nUsage: json format <file> [--minify]\n`);
    return 2;
  }

  const text = await readNamed(ctx, 'json format', paths[0]!);
  if (text === undefined) return 2;

  const { minify: toMinified, prettyPrint } = await import('../../json/format.ts');
  const formatted = minify ? toMinified(text) : prettyPrint(text);
  if (!formatted.ok) {
    ctx.stderr.write(
      `json format: ${paths[0]} is not JSON, so it was not formatted. Here is why:\n`,
    );
    return check(ctx, [paths[0]!]).then(() => 1);
  }

  ctx.stdout.write(`${formatted.text}\n`);
  return 0;
}

/** The texts of the files named in `args`, keyed by the word as typed. */
async function preload(ctx: CommandContext, args: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const arg of args) {
    const name = fileName(arg);
    if (!name.ok || arg.startsWith('-')) continue;

    const text = await ctx.files.read(name.name);
    if (text !== undefined) texts.set(arg, text);
  }

  return texts;
}

/** UTF-8 bytes of a string; the core has no TextEncoder. Lone surrogates become U+FFFD. */
function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    let code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) {
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    } else {
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
    }
  }

  return new Uint8Array(bytes);
}
