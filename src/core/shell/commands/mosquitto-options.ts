/**
 * What mosquitto_sub and mosquitto_pub share: the connection options, how a wrong command line
 * is reported (a line starting "Error:", a pointer to --help, exit status 1, as the real
 * clients do), and the checks on -p and -q.
 */
import type { CommandContext, OptionSpec } from '../command.ts';
import { wrapText } from '../wrap.ts';
import { lastValue, optionsTable, type OptionProblem, type ParsedOptions } from '../options.ts';
import type { QoS } from '../mqtt-port.ts';

/** Exit status of the real clients for a command line they cannot use. */
export const USAGE_ERROR = 1;

export const CONNECTION_OPTIONS: readonly OptionSpec[] = [
  {
    flag: '-h',
    value: 'host',
    summary: 'broker host (native tools; the page uses its own broker)',
  },
  {
    flag: '-p',
    value: 'port',
    summary: 'broker port (native tools; the page uses its own broker)',
  },
  { flag: '-i', value: 'id', summary: 'client ID (default: a random one)' },
  {
    flag: '-q',
    value: 'qos',
    summary: 'quality of service: 0, 1 or 2 (default 0)',
    complete: 'qos',
  },
  { flag: '-d', summary: 'print each MQTT packet sent and received' },
  {
    flag: '--cafile',
    value: 'file',
    summary: 'CA certificate (native tools, TLS port)',
    complete: 'file',
  },
  {
    flag: '--cert',
    value: 'file',
    summary: 'client certificate (native tools, TLS port)',
    complete: 'file',
  },
  {
    flag: '--key',
    value: 'file',
    summary: 'client private key (native tools, TLS port)',
    complete: 'file',
  },
  { flag: '--help', summary: 'show this help' },
];

/** Options the real clients have that this terminal does not run; named, not called unknown. */
const REAL_ONLY: Record<'mosquitto_sub' | 'mosquitto_pub', readonly string[]> = {
  mosquitto_sub: [
    ...['-A', '-c', '-D', '-E', '-F', '-I', '-k', '-L', '-N', '-P', '-R', '-T', '-u', '-U', '-V'],
    ...['-x', '--capath', '--insecure', '--nodelay', '--psk', '--quiet', '--pretty'],
    ...['--remove-retained', '--retained-only', '--unix', '--will-topic', '--will-payload'],
  ],
  mosquitto_pub: [
    ...['-A', '-c', '-D', '-I', '-k', '-L', '-M', '-P', '-u', '-V', '-x', '--capath'],
    ...['--insecure', '--nodelay', '--psk', '--quiet', '--repeat', '--repeat-delay', '--unix'],
    ...['--will-topic', '--will-payload'],
  ],
};

export type MosquittoTool = keyof typeof REAL_ONLY;

/** `Error: …` on stderr, the short usage, and where the rest is; returns the exit status. */
export function usageError(
  ctx: CommandContext,
  tool: MosquittoTool,
  synopsis: string,
  problem: string,
): number {
  ctx.stderr.write(`Error: ${problem}\n\nUsage: ${synopsis}\n`);
  ctx.stderr.write(`Run '${tool} --help' to see what each option does.\n`);
  return USAGE_ERROR;
}

/** The sentence for an option problem, in the real clients' terms. */
export function describeOptionProblem(tool: MosquittoTool, problem: OptionProblem): string {
  if (problem.kind === 'missing-value') {
    return `${problem.option.flag} needs a ${problem.option.value} after it.`;
  }
  if (REAL_ONLY[tool].includes(problem.word)) {
    return `${problem.word} is an option of the real ${tool}, but not of this terminal's.`;
  }

  return `Unknown option '${problem.word}'.`;
}

/** The --help text: what the tool does, its usage, its options, then notes, one per line. */
export function helpText(
  intro: string,
  synopsis: string,
  specs: readonly OptionSpec[],
  notes: readonly string[],
): string {
  return `${intro}\n\nUsage: ${synopsis}\n\n${optionsTable(specs)}\n\n${notes.join('\n')}\n`;
}

/** Prints a --help text wrapped to the terminal's width. */
export function printHelp(ctx: CommandContext, text: string): number {
  ctx.stdout.write(wrapText(text, ctx.columns));
  return 0;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

/** -p: a whole number from 1 to 65535, or undefined when not given. */
export function readPort(parsed: ParsedOptions): Checked<number | undefined> {
  const text = lastValue(parsed, '-p');
  if (text === undefined) return { ok: true, value: undefined };

  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    return { ok: false, problem: `Invalid port '${text}': give a number from 1 to 65535.` };
  }

  return { ok: true, value: port };
}

/** -q: 0, 1 or 2 [MQTT-3.3.1-4 makes 3 a protocol violation]. */
export function readQos(parsed: ParsedOptions): Checked<QoS> {
  const text = lastValue(parsed, '-q') ?? '0';
  if (text !== '0' && text !== '1' && text !== '2') {
    return { ok: false, problem: `Invalid QoS '${text}': use 0, 1 or 2.` };
  }

  return { ok: true, value: Number(text) as QoS };
}

/** A positive whole number for -C and -W. */
export function readPositive(
  parsed: ParsedOptions,
  flag: string,
  what: string,
): Checked<number | undefined> {
  const text = lastValue(parsed, flag);
  if (text === undefined) return { ok: true, value: undefined };

  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1))
    return { ok: false, problem: `Invalid ${what} '${text}': give a whole number of 1 or more.` };

  return { ok: true, value: n };
}
