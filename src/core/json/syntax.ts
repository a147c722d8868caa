/**
 * Checks that a text is JSON (RFC 8259, ECMA-404) and says precisely what is wrong when it is
 * not. momoa parses; the findings name its failures in words. The check reads as:
 *   1. a byte order mark is set aside with a warning (RFC 8259 §8.1 lets parsers ignore it);
 *   2. an empty text, or a file path instead of a document, is named at once;
 *   3. momoa parses; each failure is named, repaired in place when the repair is certain, and
 *      parsed again, so one pass reports several mistakes;
 *   4. a text that parses is checked for raw control characters in strings, which momoa lets
 *      through, and for the warnings: duplicate keys and numbers that lose precision.
 */
import { evaluate, parse, tokenize, type DocumentNode, type Token } from '@humanwhocodes/momoa';
import { applyRepair, type Finding } from './finding.ts';
import { filePathFinding, looksLikeFilePath } from './file-path.ts';
import { walkGrammar } from './grammar.ts';
import { grammarFinding } from './grammar-finding.ts';
import { lexicalFinding } from './lexical-finding.ts';
import { hasErrors, problemAt, type JsonProblem } from './problem.ts';
import { controlCharacterFindings, runawayString } from './string-checks.ts';
import { warningFindings } from './warnings.ts';

export interface SyntaxCheck {
  /** True when the text is JSON; warnings may still be present. */
  ok: boolean;
  problems: JsonProblem[];
  /** The parsed document, when `ok`. Offsets in it are offsets in the original text. */
  ast?: DocumentNode;
  /** The value, as JSON.parse would give it, when `ok`. */
  value?: unknown;
}

/** At most this many errors are reported; later ones are often echoes of earlier ones. */
export const MAX_ERRORS = 20;

const BOM = '\uFEFF';

export function checkSyntax(text: string): SyntaxCheck {
  const problems: JsonProblem[] = [];
  const place = (f: Finding) => problemAt(text, f.kind, f.offset, f.message);

  // The BOM becomes a space, so every offset still points into the text as the learner has it.
  let working = text;
  if (text.startsWith(BOM)) {
    problems.push(place(byteOrderMark()));
    working = ` ${text.slice(1)}`;
  }

  if (working.trim() === '') {
    return { ok: false, problems: [...problems, place(empty(text))] };
  }

  for (let round = 0; round < MAX_ERRORS; round++) {
    const attempt = parseOnce(working);
    if (attempt.ast) {
      const findings = [
        ...controlCharacterFindings(working, attempt.ast.tokens ?? []),
        ...warningFindings(working, attempt.ast),
      ];
      problems.push(...findings.map(place));
      const ok = !hasErrors(problems);
      return ok
        ? { ok, problems, ast: attempt.ast, value: evaluate(attempt.ast) }
        : { ok, problems };
    }

    if (round === 0 && looksLikeFilePath(working)) {
      return { ok: false, problems: [...problems, place(filePathFinding(working))] };
    }

    const finding = attempt.finding;
    problems.push(place(finding));
    const repaired = finding.repair ? applyRepair(working, finding.repair) : working;
    if (repaired === working) break;
    working = repaired;
  }

  return { ok: false, problems };
}

type Attempt = { ast: DocumentNode; finding?: never } | { ast?: never; finding: Finding };

function parseOnce(text: string): Attempt {
  try {
    return { ast: parse(text, { tokens: true }) };
  } catch (error) {
    return { finding: findingFor(text, error) };
  }
}

/** Names the failure momoa reported, from the tokens when they are all readable. */
function findingFor(text: string, error: unknown): Finding {
  const { offset, message } = momoaError(error);
  const tokens = tryTokenize(text);
  if (!tokens) return lexicalFinding(text, offset, message.includes('end of input'));

  const stop = walkGrammar(tokens);
  if (!stop) return { kind: 'unexpected-token', offset, message };

  const before = tokens.slice(0, stop.index);
  return runawayString(text, before) ?? grammarFinding(text, tokens, stop);
}

function tryTokenize(text: string): Token[] | null {
  try {
    return tokenize(text);
  } catch {
    // The tokenizer fails on a bad character; lexicalFinding then names it.
    return null;
  }
}

function momoaError(error: unknown): { offset: number; message: string } {
  const { offset, message } = error as { offset?: unknown; message?: unknown };
  return {
    offset: typeof offset === 'number' ? offset : 0,
    message: typeof message === 'string' ? message : String(error),
  };
}

function byteOrderMark(): Finding {
  return {
    kind: 'byte-order-mark',
    offset: 0,
    message:
      'The text starts with a byte order mark (U+FEFF), which some Windows editors add when ' +
      'saving as "UTF-8 with BOM". It was ignored here, as RFC 8259 allows, but JSON sent ' +
      'over a network must not start with one and some parsers reject it. Save the file as ' +
      'UTF-8 without BOM.',
  };
}

function empty(text: string): Finding {
  return {
    kind: 'empty',
    offset: text.length,
    message:
      'There is nothing here to check. A JSON text holds exactly one value, such as {} for an ' +
      'empty object.',
  };
}

/** True when a text is meant as JSON: it starts with { or [, after any spaces or a BOM. */
export function looksLikeJson(text: string): boolean {
  return /^[\s\uFEFF]*[{[]/.test(text);
}
