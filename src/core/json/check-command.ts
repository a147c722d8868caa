/**
 * `handshake json check <file> [--schema <file>] [--json]`: is a file JSON, and does it match a
 * schema. Pure: files come through a port, so the Node CLI and an in-page terminal print the
 * same words. Problems are printed the way compilers print them, file:line:column first.
 */
import { checkJson } from './check.ts';
import type { JsonProblem } from './problem.ts';
import { compileSchema, type CompiledSchema } from './schema.ts';
import { BUILT_IN_SCHEMAS, isBuiltInSchema } from './schemas.ts';
import { decodeUtf8 } from './utf8.ts';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type ReadResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; missing: boolean; message: string };

/** Reads a whole file; `-` means standard input. */
export type ReadFile = (path: string) => ReadResult;

const COMMAND = 'handshake json check';
const BUILT_IN_NAMES = Object.keys(BUILT_IN_SCHEMAS).join(', ');

export const JSON_CHECK_USAGE = `Usage: ${COMMAND} <file> [--schema <file>] [--json]

Checks that a file is JSON (RFC 8259) and, with --schema, that it matches a JSON Schema
(draft 2020-12). Each problem is printed as file:line:column, then the line with a caret.

Arguments:
  <file>             the JSON file to check; - reads standard input

Options:
  --schema <file>    a JSON Schema file to validate against, or a built-in schema:
                     ${BUILT_IN_NAMES}
  --json             print one JSON object: {"file", "schema", "valid", "errors",
                     "warnings", "problems": [...]}
  -h, --help         show this help

Exit status: 0 when the file is valid (warnings allowed), 1 when it has errors, 2 for a
usage mistake, a file that cannot be read, or a schema that is itself invalid.`;

interface Options {
  file: string;
  schema?: string;
  json: boolean;
}

type Parsed =
  | { kind: 'check'; options: Options }
  | { kind: 'help' }
  | { kind: 'mistake'; problem: string };

/** Runs the command on the words after `json check`. */
export function runJsonCheck(args: string[], readFile: ReadFile): CommandResult {
  const parsed = parseArgs(args);
  if (parsed.kind === 'help') return { exitCode: 0, stdout: `${JSON_CHECK_USAGE}\n`, stderr: '' };
  if (parsed.kind === 'mistake') return usageError(parsed.problem);

  const { file, schema: schemaArg, json } = parsed.options;

  const schema = schemaArg === undefined ? null : loadSchema(schemaArg, readFile);
  if (schema && !schema.ok) return schema.failure;

  const document = readText(file, readFile);
  if (!document.ok) return document.failure;

  const check = checkJson(document.text, schema?.compiled);
  const problems = [
    ...(schema?.compiled.notes ?? []).map((p) => ({ ...p, file: schemaArg! })),
    ...tag(check.problems, file),
  ];
  const report = { file, schema: schemaArg ?? null, valid: check.ok, problems };
  const stdout = json ? formatJson(report) : formatHuman(report, schema?.compiled.name);

  return { exitCode: check.ok ? 0 : 1, stdout, stderr: '' };
}

function parseArgs(args: string[]): Parsed {
  const positionals: string[] = [];
  let schema: string | undefined;
  let json = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--json') json = true;
    else if (arg === '--schema') {
      const value = args[i + 1];
      if (value === undefined)
        return mistake(`'--schema' needs a file, or one of: ${BUILT_IN_NAMES}.`);
      schema = value;
      i += 1;
    } else if (arg.startsWith('--schema=')) schema = arg.slice('--schema='.length);
    else if (arg.startsWith('-') && arg !== '-') return mistake(`unknown option '${arg}'.`);
    else positionals.push(arg);
  }

  if (positionals.length === 0) return mistake('missing the file to check.');
  if (positionals.length > 1) {
    return mistake(
      `one file at a time, please; got ${positionals.length}: ${positionals.join(' ')}.`,
    );
  }

  return {
    kind: 'check',
    options: { file: positionals[0]!, json, ...(schema === undefined ? {} : { schema }) },
  };
}

function mistake(problem: string): Parsed {
  return { kind: 'mistake', problem };
}

function usageError(problem: string): CommandResult {
  return { exitCode: 2, stdout: '', stderr: `${COMMAND}: ${problem}\n\n${JSON_CHECK_USAGE}\n` };
}

type Loaded<T> = ({ ok: true } & T) | { ok: false; failure: CommandResult };

function readText(path: string, readFile: ReadFile): Loaded<{ text: string }> {
  const read = readFile(path);
  if (!read.ok) {
    const inline = /^\s*[{[]/.test(path)
      ? ' That looks like JSON itself rather than a file name: save it in a file, or pipe it ' +
        `in: echo '…' | ${COMMAND} -`
      : '';
    return {
      ok: false,
      failure: { exitCode: 2, stdout: '', stderr: `${COMMAND}: ${read.message}${inline}\n` },
    };
  }

  const decoded = decodeUtf8(read.bytes);
  if (!decoded.ok) {
    const line = formatProblem({ ...decoded.problem, file: path });
    return { ok: false, failure: { exitCode: 1, stdout: `${line}\n`, stderr: '' } };
  }

  return { ok: true, text: decoded.text };
}

function loadSchema(arg: string, readFile: ReadFile): Loaded<{ compiled: CompiledSchema }> {
  const read = readFile(arg);
  if (!read.ok && read.missing && isBuiltInSchema(arg)) {
    const builtIn = BUILT_IN_SCHEMAS[arg];
    const compiled = compileSchema(builtIn.schema, builtIn.name);
    if (compiled.ok) return { ok: true, compiled };
  }

  const text = readText(arg, readFile);
  if (!text.ok) return text;

  const compiled = compileSchema(text.text);
  if (compiled.ok) return { ok: true, compiled };

  const lines = compiled.problems.map((p) => formatProblem({ ...p, file: arg }));
  return {
    ok: false,
    failure: {
      exitCode: 2,
      stdout: '',
      stderr: `${lines.join('\n')}\n${COMMAND}: the schema ${arg} is not a usable JSON Schema; nothing was checked.\n`,
    },
  };
}

type Tagged = JsonProblem & { file: string };

function tag(problems: JsonProblem[], file: string): Tagged[] {
  return problems.map((p) => ({ ...p, file }));
}

interface Report {
  file: string;
  schema: string | null;
  valid: boolean;
  problems: Tagged[];
}

function formatJson(report: Report): string {
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  return `${JSON.stringify({ ...report, errors, warnings: report.problems.length - errors }, null, 2)}\n`;
}

function formatHuman(report: Report, schemaName = 'the schema'): string {
  const lines = report.problems.map(formatProblem);
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;

  if (report.valid) {
    const matches = report.schema === null ? '' : `, and it matches ${schemaName}`;
    const noted = warnings > 0 ? ` (${count(warnings, 'warning')})` : '';
    lines.push(`${report.file}: valid JSON${matches}${noted}`);
  } else {
    lines.push(
      `${report.file}: ${count(errors, 'error')}${warnings > 0 ? `, ${count(warnings, 'warning')}` : ''}`,
    );
  }

  return `${lines.join('\n')}\n`;
}

/** `file:3:7: error: trailing comma: …`, then the line and a caret under the spot. */
export function formatProblem(problem: Tagged): string {
  const head =
    `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ` +
    `${problem.title.toLowerCase()}: ${problem.message} [${problem.rule}]`;
  const number = String(problem.line);
  const gutter = ' '.repeat(number.length);

  // An empty file or one that is not UTF-8 has no line worth showing.
  if (problem.excerpt.text.trim() === '') return head;

  return `${head}\n ${number} | ${problem.excerpt.text}\n ${gutter} | ${problem.excerpt.caret}`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
