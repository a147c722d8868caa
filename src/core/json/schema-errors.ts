/**
 * Turns ajv's validation errors into problems a learner can act on: where (a path in words and
 * the spot in their text), what the schema expected, and what the document has instead, with
 * the keyword's section of JSON Schema 2020-12 Validation cited.
 */
import type { ErrorObject } from 'ajv';
import type { DocumentNode } from '@humanwhocodes/momoa';
import { memberAt, nodeAtPointer, pathInWords } from './pointer.ts';
import { problemAt, type JsonProblem } from './problem.ts';
import { closest, count, describeValue, listWords } from './words.ts';

interface Explained {
  expected: string;
  found: string;
  /** Extra advice after "expected …, found …". */
  advice?: string | undefined;
  /** Put the caret on this key's name rather than on the value at the error's path. */
  keyName?: string;
}

/** One problem per distinct ajv error, placed in `text`. */
export function schemaProblems(
  text: string,
  ast: DocumentNode,
  errors: readonly ErrorObject[],
  schemaName: string,
): JsonProblem[] {
  const seen = new Set<string>();
  const problems: JsonProblem[] = [];

  for (const error of errors) {
    // anyOf/oneOf also report each branch's own errors, which say more than "no branch matched".
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      if (errors.some((e) => e !== error && e.instancePath.startsWith(error.instancePath)))
        continue;
    }
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);

    problems.push(schemaProblem(text, ast, error, schemaName));
  }

  return problems.sort((a, b) => a.offset - b.offset);
}

function schemaProblem(
  text: string,
  ast: DocumentNode,
  error: ErrorObject,
  schemaName: string,
): JsonProblem {
  const explained = explain(error);
  const pointer = error.instancePath;
  const path = pathInWords(pointer, ast);
  const member =
    explained.keyName === undefined ? undefined : memberAt(ast, pointer, explained.keyName);
  const offset = (member?.name ?? nodeAtPointer(ast, pointer)).loc.start.offset;
  const where = pointer === '' ? 'At the root ($)' : `At ${path}`;
  const message =
    `${where}, ${schemaName} expects ${explained.expected}, but found ${explained.found}.` +
    (explained.advice ? ` ${explained.advice}` : '');

  return problemAt(text, 'schema-mismatch', offset, message, {
    path,
    pointer,
    expected: explained.expected,
    found: explained.found,
  });
}

function explain(error: ErrorObject): Explained {
  const params = error.params as Record<string, unknown>;
  const found = describeValue(error.data);

  switch (error.keyword) {
    case 'required': {
      const name = String(params['missingProperty']);
      const description = propertyDescription(error.parentSchema, name);
      return {
        expected: `the property "${name}"`,
        found: found.replace(/^an object with /, 'an object with only '),
        advice: `Add "${name}"${description ? ` (${description})` : ''}.`,
      };
    }
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const allowed = Object.keys(properties(error.parentSchema));
      const guess = closest(name, allowed);
      const home = allowed.find((k) =>
        Object.hasOwn(properties(properties(error.parentSchema)[k]), name),
      );
      return {
        expected: allowed.length
          ? `only ${listWords(allowed.map((k) => `"${k}"`))}`
          : 'no properties',
        found: `the property "${name}"`,
        advice: home
          ? `"${name}" belongs inside "${home}": {"${home}": {"${name}": …}}.`
          : guess
            ? `Did you mean "${guess}"?`
            : `Remove "${name}", or add it to the schema.`,
        keyName: name,
      };
    }
    case 'type':
      return { expected: typeWords(params['type']), found, advice: quotedNumberAdvice(error) };
    case 'enum':
    case 'const': {
      const allowed =
        error.keyword === 'const' ? [params['allowedValue']] : (error.schema as unknown[]);
      const caseOnly = allowed.find(
        (a) =>
          typeof a === 'string' &&
          typeof error.data === 'string' &&
          a.toLowerCase() === error.data.toLowerCase(),
      );
      return {
        expected: `${allowed.length === 1 ? '' : 'one of '}${listWords(
          allowed.map((a) => JSON.stringify(a)),
          'or',
        )}`,
        found,
        ...(caseOnly === undefined
          ? {}
          : { advice: `Values are case-sensitive: write ${JSON.stringify(caseOnly)}.` }),
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { expected: `a number ${params['comparison']} ${params['limit']}`, found };
    case 'minLength':
    case 'maxLength':
      return {
        expected: `${error.keyword === 'minLength' ? 'at least' : 'at most'} ${count(params['limit'], 'character')}`,
        found,
      };
    case 'minItems':
    case 'maxItems':
      return {
        expected: `${error.keyword === 'minItems' ? 'at least' : 'at most'} ${count(params['limit'], 'item')}`,
        found,
      };
    case 'minProperties':
    case 'maxProperties':
      return {
        expected: `${error.keyword === 'minProperties' ? 'at least' : 'at most'} ${count(params['limit'], 'property', 'properties')}`,
        found,
      };
    case 'pattern':
      return { expected: `text matching the pattern ${String(params['pattern'])}`, found };
    case 'format':
      return { expected: formatWords(String(params['format'])), found };
    case 'multipleOf':
      return { expected: `a multiple of ${params['multipleOf']}`, found };
    case 'uniqueItems':
      return {
        expected: 'no repeated items',
        found: `items ${params['j']} and ${params['i']} equal`,
      };
    default:
      return { expected: `a value that ${error.message ?? `passes "${error.keyword}"`}`, found };
  }
}

const TYPE_WORDS: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  null: 'null',
};

export function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return listWords(
    types.map((t) => TYPE_WORDS[String(t)] ?? String(t)),
    'or',
  );
}

function quotedNumberAdvice(error: ErrorObject): string | undefined {
  const wanted = String((error.params as { type?: unknown }).type);
  const data = error.data;
  if (
    /number|integer/.test(wanted) &&
    typeof data === 'string' &&
    data.trim() !== '' &&
    !Number.isNaN(Number(data))
  ) {
    return `Remove the quotes: ${data.trim()} is a number, "${data}" is text.`;
  }
  if (/boolean/.test(wanted) && (data === 'true' || data === 'false')) {
    return `Remove the quotes: ${data} is a boolean, "${data}" is text.`;
  }

  return undefined;
}

const FORMAT_WORDS: Record<string, string> = {
  'date-time': 'a date and time as in RFC 3339, such as "2025-01-31T12:00:00Z"',
  date: 'a date as in RFC 3339, such as "2025-01-31"',
  time: 'a time as in RFC 3339, such as "12:00:00Z"',
  uuid: 'a UUID, such as "123e4567-e89b-12d3-a456-426614174000"',
  email: 'an email address',
  ipv4: 'an IPv4 address, such as "192.0.2.1"',
};

function formatWords(format: string): string {
  return FORMAT_WORDS[format] ?? `text in the "${format}" format`;
}

function properties(schema: unknown): Record<string, unknown> {
  const props = (schema as { properties?: unknown } | undefined)?.properties;
  return props && typeof props === 'object' ? (props as Record<string, unknown>) : {};
}

function propertyDescription(schema: unknown, name: string): string | undefined {
  const description = (properties(schema)[name] as { description?: unknown } | undefined)
    ?.description;
  return typeof description === 'string' ? description : undefined;
}
