/**
 * What the openssl subcommands share: their shape (name, options, run), how a wrong command line
 * is reported (OpenSSL 3's "Unknown option" / "needs a value" lines, then "Use -help", exit 1),
 * and reading and writing PEM through the learner's files.
 */
import type { Certificate } from '../../../pki/certificate.ts';
import type { CertificationRequest } from '../../../pki/certification-request.ts';
import type { CryptoPort } from '../../../pki/crypto-port.ts';
import { decodeSync, type DecodedObject } from '../../../pki/decode.ts';
import type { CommandContext, OptionSpec } from '../../command.ts';
import { fileName } from '../../file-area.ts';
import { optionsTable, parseOptions, type ParsedOptions } from '../../options.ts';

/** Exit status of openssl for a command line it cannot use, and for most failures. */
export const OPENSSL_FAILURE = 1;

export interface OpensslSubcommand {
  name: string;
  summary: string;
  options: readonly OptionSpec[];
  /** Takes words that are not options (verify's certificates); default: none. */
  operands?: boolean;
  run(ctx: CommandContext, args: ParsedOptions, crypto: CryptoPort): Promise<number>;
}

/** The subcommand's options read, or the exit status after OpenSSL's usage lines. */
export function readArgs(
  ctx: CommandContext,
  sub: OpensslSubcommand,
  args: readonly string[],
): ParsedOptions | number {
  const parsed = parseOptions(args, [...sub.options, HELP_OPTION], {
    operands: sub.operands ?? false,
  });
  if (!parsed.ok) {
    const { problem } = parsed;
    const line =
      problem.kind === 'unknown'
        ? problem.word.startsWith('-')
          ? `Unknown option: ${problem.word}`
          : `Extra option: "${problem.word}"`
        : `Option ${problem.option.flag} needs a value`;
    ctx.stderr.write(`${sub.name}: ${line}\n${sub.name}: Use -help for summary.\n`);
    return OPENSSL_FAILURE;
  }

  if (parsed.parsed.values.has('-help')) {
    ctx.stdout.write(`Usage: ${sub.name} [options]\n${sub.summary}\n\n`);
    ctx.stdout.write(`${optionsTable(sub.options)}\n`);
    return 0;
  }

  return parsed.parsed;
}

const HELP_OPTION: OptionSpec = { flag: '-help', summary: 'show the options' };

/** A required option's value, or undefined after saying it is missing. */
export function required(
  ctx: CommandContext,
  sub: string,
  args: ParsedOptions,
  flag: string,
  why: string,
): string | undefined {
  const value = args.values.get(flag)?.at(-1);
  if (value === undefined) ctx.stderr.write(`${sub}: No ${flag} given: ${why}\n`);

  return value;
}

/** A file's text, or undefined after saying (as OpenSSL does, then what to do) why not. */
export async function readFile(
  ctx: CommandContext,
  sub: string,
  path: string,
  what: string,
): Promise<string | undefined> {
  const name = fileName(path);
  const text = name.ok ? await ctx.files.read(name.name) : undefined;
  if (text === undefined) {
    const why = name.ok ? "no such file; 'ls' lists your files" : name.why;
    ctx.stderr.write(`${sub}: Could not open file ${path} for reading ${what}: ${why}\n`);
  }

  return text;
}

/** Writes PEM to `-out`, or to the screen without it; false after saying why it could not. */
export async function writeOutput(
  ctx: CommandContext,
  sub: string,
  out: string | undefined,
  text: string,
): Promise<boolean> {
  if (out === undefined) {
    ctx.stdout.write(text);
    return true;
  }

  const name = fileName(out);
  if (!name.ok) {
    ctx.stderr.write(`${sub}: Could not open file ${out} for writing: ${name.why}\n`);
    return false;
  }
  await ctx.files.write(name.name, text);
  ctx.emit({ kind: 'files-changed' });
  return true;
}

type Kind = DecodedObject['kind'];
type ObjectOf<K extends Kind> = Extract<DecodedObject, { kind: K }>;

/** Every object of one kind in a PEM or DER text, in order. */
export function objectsIn<K extends Kind>(text: string, kind: K): ObjectOf<K>[] {
  return decodeSync(text)
    .blocks.flatMap((b) => (b.status === 'decoded' ? [b.object] : []))
    .filter((o): o is ObjectOf<K> => o.kind === kind);
}

/** The first certificate in a file, or undefined after saying the file holds none. */
export async function readCertificateFile(
  ctx: CommandContext,
  sub: string,
  path: string,
): Promise<Certificate | undefined> {
  const text = await readFile(ctx, sub, path, 'a certificate');
  if (text === undefined) return undefined;

  const certificate = objectsIn(text, 'certificate')[0];
  if (!certificate) {
    ctx.stderr.write(
      `${sub}: Could not find a certificate in ${path}: it holds no ` +
        "'-----BEGIN CERTIFICATE-----' block. 'cat' it to see what it is.\n",
    );
  }
  return certificate;
}

export async function readRequestFile(
  ctx: CommandContext,
  sub: string,
  path: string,
): Promise<CertificationRequest | undefined> {
  const text = await readFile(ctx, sub, path, 'a certificate request');
  if (text === undefined) return undefined;

  const request = objectsIn(text, 'certification-request')[0];
  if (!request) {
    ctx.stderr.write(
      `${sub}: Could not find a certificate request in ${path}: it holds no ` +
        "'-----BEGIN CERTIFICATE REQUEST-----' block. Make one with 'openssl req -new'.\n",
    );
  }
  return request;
}

/** `-days N`: a whole number of days from now, 30 when not given (OpenSSL's default). */
export function readDays(
  ctx: CommandContext,
  sub: string,
  args: ParsedOptions,
  now: number,
): Date | undefined {
  const given = args.values.get('-days')?.at(-1) ?? '30';
  const days = Number(given);
  if (!/^\d+$/.test(given) || days < 1 || days > 36500) {
    ctx.stderr.write(
      `${sub}: Invalid -days ${given}: give a whole number of days from 1 to 36500\n`,
    );
    return undefined;
  }

  return new Date(now + days * 86_400_000);
}

/** A name as OpenSSL 3 prints it by default: `C = NL, O = Handshake, CN = sensor-01`. */
export function onelineName(name: { rdns: { short: string; value: string }[][] }): string {
  return name.rdns.map((rdn) => rdn.map((a) => `${a.short} = ${a.value}`).join(' + ')).join(', ');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A time as OpenSSL prints validity dates: `Dec  4 18:06:46 2026 GMT`. */
export function opensslDate(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, ' ');
  const time = date.toISOString().slice(11, 19);
  return `${MONTHS[date.getUTCMonth()]} ${day} ${time} ${date.getUTCFullYear()} GMT`;
}
