/**
 * JSON Schema (draft 2020-12) through ajv, behind one narrow port: compile a schema once, then
 * validate documents against it. A schema is JSON too, so a broken one gets the same precise
 * syntax problems, and a schema that breaks the metaschema is placed in its own text.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { nodeAtPointer, pathInWords } from './pointer.ts';
import { problemAt, type JsonProblem } from './problem.ts';
import { schemaProblems, typeWords } from './schema-errors.ts';
import { closest, listWords } from './words.ts';
import { checkSyntax, type SyntaxCheck } from './syntax.ts';

export type CompiledSchema = {
  ok: true;
  /** How messages name this schema: "the shadow update schema". */
  name: string;
  validate: ValidateFunction;
  /** Warnings about the schema itself: unknown keywords, formats that are not checked. */
  notes: JsonProblem[];
};

export type SchemaCompilation = CompiledSchema | { ok: false; problems: JsonProblem[] };

/** Formats this course checks; others are accepted unchecked, with a note. */
const FORMATS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
};

/**
 * Compiles a schema given as JSON text (checked like any document) or as a value. `name` is
 * how messages refer to it; the default is "the schema".
 */
export function compileSchema(source: string | object, name = 'the schema'): SchemaCompilation {
  const text = typeof source === 'string' ? source : JSON.stringify(source, null, 2);
  const syntax = checkSyntax(text);
  if (!syntax.ok || !syntax.ast) return { ok: false, problems: syntax.problems };

  const schema = syntax.value;
  if (
    typeof schema !== 'boolean' &&
    (typeof schema !== 'object' || schema === null || Array.isArray(schema))
  ) {
    return {
      ok: false,
      problems: [
        invalid(
          text,
          0,
          'A JSON Schema is an object, such as {"type": "object"}, or true or false.',
        ),
      ],
    };
  }

  const logged: string[] = [];
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    // Unknown keywords become notes; ajv's other strict checks are its own, not JSON Schema's.
    strict: false,
    strictSchema: 'log',
    allowUnionTypes: true,
    logger: { log: () => {}, warn: (...m: unknown[]) => logged.push(m.join(' ')), error: () => {} },
  });
  for (const [format, pattern] of Object.entries(FORMATS)) ajv.addFormat(format, pattern);

  if (!ajv.validateSchema(schema)) {
    return { ok: false, problems: metaschemaProblems(text, syntax, ajv.errors ?? []) };
  }

  const notes: JsonProblem[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const validate = ajv.compile(schema as object);
      notes.push(...logged.map((m) => noteFor(text, m)));
      return { ok: true, name, validate, notes };
    } catch (error) {
      const unknown = /unknown format "([^"]+)"/.exec((error as Error).message)?.[1];
      if (!unknown) return { ok: false, problems: [invalid(text, 0, compileMessage(error))] };

      ajv.addFormat(unknown, true);
      notes.push(
        problemAt(
          text,
          'schema-note',
          Math.max(0, text.indexOf(`"${unknown}"`)),
          `The format "${unknown}" is not checked here; any string passes it.`,
        ),
      );
    }
  }

  return { ok: false, problems: [invalid(text, 0, 'The schema could not be compiled.')] };
}

/** The schema problems of a document that is already known to be JSON. */
export function validateAgainst(
  text: string,
  syntax: SyntaxCheck,
  schema: CompiledSchema,
): JsonProblem[] {
  if (!syntax.ok || !syntax.ast) return [];
  if (schema.validate(syntax.value)) return [];

  return schemaProblems(text, syntax.ast, schema.validate.errors ?? [], schema.name);
}

/** One problem per place in the schema: ajv reports each failed branch of the metaschema. */
function metaschemaProblems(
  text: string,
  syntax: SyntaxCheck,
  errors: readonly ErrorObject[],
): JsonProblem[] {
  const byPlace = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    byPlace.set(error.instancePath, [...(byPlace.get(error.instancePath) ?? []), error]);
  }

  const problems = [...byPlace.entries()].slice(0, 10).map(([pointer, found]) => {
    const node = nodeAtPointer(syntax.ast!, pointer);
    const at = pathInWords(pointer, syntax.ast);
    return invalid(
      text,
      node.loc.start.offset,
      `This is not a valid JSON Schema 2020-12: at ${at}, ${metaschemaWords(found)}`,
      pointer,
    );
  });

  return problems.sort((a, b) => a.offset - b.offset);
}

/** The clearest of the metaschema's complaints about one place. */
function metaschemaWords(errors: readonly ErrorObject[]): string {
  const choice =
    errors.find((e) => e.keyword === 'enum') ??
    errors.find((e) => e.keyword !== 'anyOf') ??
    errors[0]!;
  if (choice.keyword === 'enum') {
    const allowed = ((choice.params as { allowedValues?: unknown[] }).allowedValues ?? []).map(
      String,
    );
    const guess = typeof choice.data === 'string' ? closest(choice.data, allowed) : undefined;
    return (
      `${JSON.stringify(choice.data)} is not allowed; use one of ${listWords(
        allowed.map((a) => JSON.stringify(a)),
        'or',
      )}.` + (guess ? ` Did you mean ${JSON.stringify(guess)}?` : '')
    );
  }

  if (choice.keyword === 'type') {
    return `the value must be ${typeWords((choice.params as { type?: unknown }).type)}.`;
  }

  return `the value ${choice.message ?? 'is not allowed'}.`;
}

function invalid(text: string, offset: number, message: string, pointer = ''): JsonProblem {
  return problemAt(text, 'invalid-schema', offset, message, { pointer });
}

function noteFor(text: string, message: string): JsonProblem {
  const keyword = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
  const offset = keyword ? Math.max(0, text.indexOf(`"${keyword}"`)) : 0;
  const words = keyword
    ? `"${keyword}" is not a JSON Schema 2020-12 keyword, so validators ignore it. Check the spelling.`
    : message.replace(/^strict mode: /, '');

  return problemAt(text, 'schema-note', offset, words);
}

function compileMessage(error: unknown): string {
  const message = (error as Error).message ?? String(error);
  if (/can't resolve reference/.test(message)) return `A $ref points nowhere: ${message}.`;

  return `The schema could not be compiled: ${message}.`;
}
