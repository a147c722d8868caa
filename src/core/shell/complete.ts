/**
 * Tab completion: from the words before the cursor, what the word under it could become.
 * Command names first; then a command's options; then the value an option or operand takes,
 * from the command's hints (files, topics, QoS levels, and later certificates and policies).
 */
import type { Command, CompletionHint, OptionSpec } from './command.ts';
import type { LabNames } from './lab-names.ts';
import { lex, type Token, type WordToken } from './lex.ts';

export interface Completion {
  /** Code-point index where the word being completed starts (its opening quote included). */
  start: number;
  /** The word so far, quotes removed. */
  prefix: string;
  /** The quote the word was opened with and not yet closed, if any. */
  quote: "'" | '"' | null;
  /** Every value that starts with `prefix`, sorted. */
  candidates: string[];
}

/** Completions for the word that ends at the cursor; `before` is the line up to the cursor. */
export function complete(
  before: string,
  commands: readonly Command[],
  names: LabNames,
): Completion {
  const lexed = lex(before);
  const none = { start: [...before].length, prefix: '', quote: null, candidates: [] };
  if (lexed.commentAt !== undefined || lexed.unsupported) return none;

  const tokens = lexed.tokens;
  const last = tokens.at(-1);
  const typing = last?.kind === 'word' && last.end === before.length && !/\s$/.test(before);
  const current: WordToken | null = typing ? (last as WordToken) : null;
  const earlier = current ? tokens.slice(0, -1) : tokens;

  const segment = afterLastSeparator(earlier);
  const start = current ? [...before.slice(0, current.start)].length : [...before].length;
  const prefix = current?.value ?? '';
  const quote = lexed.open && lexed.open.quote !== '\\' ? lexed.open.quote : null;

  const values = valuesFor(segment, prefix, commands, names);
  const candidates = [...new Set(values)].filter((v) => v.startsWith(prefix)).sort();

  return { start, prefix, quote, candidates };
}

/** The text to put in place of the word: quoted when a shell would need it, closed when final. */
export function completionText(value: string, quote: "'" | '"' | null, final: boolean): string {
  const style = quote ?? (needsQuotes(value) ? "'" : null);
  const end = final ? ' ' : '';

  if (style === "'") return `'${value.replaceAll("'", `'\\''`)}${final ? "'" : ''}${end}`;
  if (style === '"') return `"${value.replace(/["\\$`]/g, '\\$&')}${final ? '"' : ''}${end}`;

  return value + end;
}

/** The longest start that every candidate shares. */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';

  let prefix = candidates[0]!;
  for (const c of candidates) {
    while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/**
 * Characters a POSIX shell treats specially, and '#' anywhere: it is safe inside a word in
 * POSIX, but quoting every filter with a wildcard is the habit that works in every shell.
 */
export function needsQuotes(value: string): boolean {
  return value === '' ? false : /[\s'"\\$`;&|<>(){}*?[\]!~#]/.test(value);
}

function afterLastSeparator(tokens: readonly Token[]): Token[] {
  let from = 0;
  tokens.forEach((t, i) => {
    if (t.kind === 'operator' && t.op !== '>' && t.op !== '>>') from = i + 1;
  });
  return tokens.slice(from);
}

function valuesFor(
  segment: readonly Token[],
  prefix: string,
  commands: readonly Command[],
  names: LabNames,
): string[] {
  const previous = segment.at(-1);
  if (previous?.kind === 'operator') return names.list('file');

  // Redirections and their targets are not the command's words.
  const words: string[] = [];
  for (let i = 0; i < segment.length; i++) {
    const token = segment[i]!;
    if (token.kind === 'operator') i += 1;
    else words.push(token.value);
  }

  const [name, ...args] = words;
  if (name === undefined) return commands.map((c) => c.name);

  const command = commands.find((c) => c.name === name);
  if (!command) return names.list('file');

  const option = command.options.find((o) => o.flag === args.at(-1));
  if (option?.value !== undefined) return hintValues(option.complete, names);

  if (prefix.startsWith('-')) return command.options.map((o) => o.flag);

  const index = operandIndex(args, command.options);
  const hints = command.operands ?? [];
  const hint = hints[Math.min(index, hints.length - 1)];
  return hintValues(hint, names);
}

/** How many operands come before the word being completed. */
function operandIndex(args: readonly string[], options: readonly OptionSpec[]): number {
  let count = 0;
  for (let i = 0; i < args.length; i++) {
    const option = options.find((o) => o.flag === args[i]);
    if (option) {
      if (option.value !== undefined) i += 1;
      continue;
    }
    count += 1;
  }
  return count;
}

function hintValues(hint: CompletionHint | undefined, names: LabNames): string[] {
  if (hint === undefined) return [];
  if (typeof hint === 'object') return [...hint.words];

  return names.list(hint);
}
