/**
 * A command line as a list of simple commands joined by `;`, `&&` and `||`, each with at most
 * one redirection of its standard output (`> file` or `>> file`).
 */
import { lex, type Lexed, type WordToken } from './lex.ts';

export interface Redirect {
  /** `>>` appends; `>` empties the file first, as a shell does before the command runs. */
  append: boolean;
  target: string;
}

export interface SimpleCommand {
  argv: string[];
  /** Where `$?` stands in the arguments: argument index, then offsets in it. */
  statusAt?: { arg: number; at: number[] }[];
  redirect?: Redirect;
}

/** When a step runs: always (after `;`), after success (`&&`) or after failure (`||`). */
export type RunIf = 'always' | 'success' | 'failure';

export interface Step {
  runIf: RunIf;
  command: SimpleCommand;
}

export type ParsedLine =
  | { ok: true; steps: Step[]; notes: string[] }
  | { ok: false; problem: string; notes: string[] };

/** Parses a line; with `expandStatus`, `$?` is marked to be filled in as each command runs. */
export function parseLine(line: string, options: { expandStatus?: boolean } = {}): ParsedLine {
  const lexed = lex(line, options);
  const notes = notesFor(line, lexed);

  if (lexed.open) {
    const what =
      lexed.open.quote === '\\'
        ? 'a backslash with nothing after it'
        : `an open ${lexed.open.quote}`;
    return { ok: false, problem: `the line ends inside ${what}; close it and try again`, notes };
  }
  if (lexed.unsupported) {
    const { text, why } = lexed.unsupported;
    return { ok: false, problem: `'${text}': ${why}`, notes };
  }

  const steps: Step[] = [];
  let current: SimpleCommand = { argv: [] };
  let runIf: RunIf = 'always';
  const tokens = lexed.tokens;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;

    if (token.kind === 'word') {
      if (token.statusAt) {
        current.statusAt = [
          ...(current.statusAt ?? []),
          { arg: current.argv.length, at: token.statusAt },
        ];
      }
      current.argv.push(token.value);
      continue;
    }

    if (token.op === '>' || token.op === '>>') {
      const target = tokens[i + 1];
      if (target?.kind !== 'word') {
        return { ok: false, problem: `'${token.op}' needs a file name after it`, notes };
      }
      if (current.redirect) {
        return { ok: false, problem: 'one redirection per command, please', notes };
      }
      current.redirect = { append: token.op === '>>', target: target.value };
      i += 1;
      continue;
    }

    if (current.argv.length === 0) {
      return { ok: false, problem: `'${token.op}' needs a command before it`, notes };
    }
    steps.push({ runIf, command: current });
    current = { argv: [] };
    runIf = token.op === '&&' ? 'success' : token.op === '||' ? 'failure' : 'always';
  }

  if (current.argv.length > 0) {
    steps.push({ runIf, command: current });
  } else if (current.redirect) {
    return { ok: false, problem: 'a redirection needs a command to run', notes };
  } else if (runIf !== 'always') {
    return { ok: false, problem: 'the line ends after && or ||; add the next command', notes };
  }

  return { ok: true, steps, notes };
}

/** The words of the line, for callers that only need them (completion, history). */
export function wordsOf(line: string): WordToken[] {
  return lex(line).tokens.filter((t): t is WordToken => t.kind === 'word');
}

/**
 * Two shell habits that surprise people typing MQTT topics: an unquoted '#' starts a comment,
 * and `$NAME` is a variable. Both are explained, because a real shell would do them silently.
 */
function notesFor(line: string, lexed: Lexed): string[] {
  const notes: string[] = [];

  if (lexed.commentAt !== undefined && lexed.tokens.length > 0) {
    const comment = line.slice(lexed.commentAt);
    notes.push(
      `note: a shell reads an unquoted '#' at the start of a word as a comment, so ` +
        `${JSON.stringify(comment)} was ignored. Quote it to pass it on: '${comment.split(/\s/)[0]}'`,
    );
  }
  for (const word of new Set(lexed.dollarWords)) {
    notes.push(
      `note: a real shell would replace the $ part of ${word} with a variable (usually ` +
        `empty). It is kept as typed here; write '${word}' in single quotes so it is kept ` +
        `everywhere.`,
    );
  }

  return notes;
}

/** The command's arguments with each `$?` replaced by `status`. */
export function expandArgv(command: SimpleCommand, status: number): string[] {
  const argv = [...command.argv];
  for (const { arg, at } of command.statusAt ?? []) {
    let word = argv[arg] ?? '';
    // From the last offset back, so earlier offsets stay valid.
    for (const offset of [...at].reverse()) {
      word = word.slice(0, offset) + String(status) + word.slice(offset);
    }
    argv[arg] = word;
  }

  return argv;
}
