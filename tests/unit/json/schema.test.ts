import { describe, expect, it } from 'vitest';
import { checkJson } from '../../../src/core/json/check.ts';
import { compileSchema, type CompiledSchema } from '../../../src/core/json/schema.ts';
import { BUILT_IN_SCHEMAS, type BuiltInSchemaId } from '../../../src/core/json/schemas.ts';

function builtIn(id: BuiltInSchemaId): CompiledSchema {
  const { schema, name } = BUILT_IN_SCHEMAS[id];
  const compiled = compileSchema(schema, name);
  if (!compiled.ok) throw new Error(`${id} should compile`);
  return compiled;
}

function compiled(text: string): CompiledSchema {
  const result = compileSchema(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result;
}

const schemaErrors = (text: string, schema: CompiledSchema) =>
  checkJson(text, schema).problems.filter((p) => p.kind === 'schema-mismatch');

describe('the device shadow update schema', () => {
  it.each([
    ['reported state', '{"state": {"reported": {"temp": 21}}}'],
    [
      'desired state with a client token and version',
      '{"state": {"desired": {"fan": "on"}}, "clientToken": "a1", "version": 3}',
    ],
    ['clearing the desired state with null', '{"state": {"desired": null}}'],
  ])('accepts %s', (_name, text) => {
    expect(checkJson(text, builtIn('shadow-update'))).toMatchObject({ ok: true, problems: [] });
  });

  it('names a misspelt section and suggests the right one, with the caret on the key', () => {
    const [problem, ...rest] = schemaErrors(
      '{"state": {"reportd": {"temp": 21}}}',
      builtIn('shadow-update'),
    );

    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      path: '$.state',
      pointer: '/state',
      column: 12,
      found: 'the property "reportd"',
    });
    expect(problem!.message).toBe(
      'At $.state, the shadow update schema expects only "desired" and "reported", but found ' +
        'the property "reportd". Did you mean "reported"?',
    );
  });

  it('a reported section that is not an object', () => {
    const [problem] = schemaErrors('{"state": {"reported": "on"}}', builtIn('shadow-update'));

    expect(problem).toMatchObject({
      path: '$.state.reported',
      expected: 'an object or null',
      found: 'the string "on"',
      column: 24,
    });
  });

  it('a client token longer than 64 characters', () => {
    const [problem] = schemaErrors(
      `{"state": {"reported": {}}, "clientToken": "${'x'.repeat(65)}"}`,
      builtIn('shadow-update'),
    );

    expect(problem).toMatchObject({ path: '$.clientToken', expected: 'at most 64 characters' });
  });
});

describe('schema problems say where, what was expected and what was found', () => {
  const telemetry = builtIn('telemetry');

  it('a number sent as a string is told to lose its quotes', () => {
    const [problem] = schemaErrors(
      '{"deviceId": "gh-1", "ts": 1735689600000, "temperature_c": "21.5", "humidity_pct": 40}',
      telemetry,
    );

    expect(problem).toMatchObject({
      path: '$.temperature_c',
      expected: 'a number',
      found: 'the string "21.5"',
    });
    expect(problem!.message).toContain('Remove the quotes: 21.5 is a number, "21.5" is text.');
  });

  it('a value out of range names the limit', () => {
    const [problem] = schemaErrors(
      '{"deviceId": "gh-1", "ts": 1735689600000, "temperature_c": 210, "humidity_pct": 40}',
      telemetry,
    );

    expect(problem).toMatchObject({ expected: 'a number <= 85', found: 'the number 210' });
  });

  it('a timestamp in seconds fails the milliseconds minimum', () => {
    const [problem] = schemaErrors(
      '{"deviceId": "gh-1", "ts": 1735689600, "temperature_c": 21, "humidity_pct": 40}',
      telemetry,
    );

    expect(problem).toMatchObject({ path: '$.ts', expected: 'a number >= 1000000000000' });
  });

  it('reports every problem, not just the first', () => {
    const problems = schemaErrors('{"deviceId": "", "temperature_c": "hot"}', telemetry);

    expect(problems.map((p) => p.path)).toEqual(['$', '$', '$.deviceId', '$.temperature_c']);
  });

  it('enum values are case-sensitive, and the message says so', () => {
    const [problem] = schemaErrors(
      '{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "iot:Connect", "Resource": "*"}]}',
      builtIn('policy'),
    );

    expect(problem).toMatchObject({
      path: '$.Statement[0].Effect',
      expected: 'one of "Allow" or "Deny"',
    });
    expect(problem!.message).toContain('Values are case-sensitive: write "Allow".');
  });

  it('the policy schema accepts a working policy, with lists or single strings', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'iot:Connect', Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['iot:Publish', 'iot:Receive'],
          Resource: ['arn:aws:iot:*:*:topic/lab/*'],
        },
      ],
    };
    expect(checkJson(JSON.stringify(policy), builtIn('policy')).ok).toBe(true);
  });

  it('keys with odd characters and array indexes read naturally in the path', () => {
    const schema = compiled(
      '{"properties": {"a b": {"type": "array", "items": {"type": "integer"}}}}',
    );
    const [problem] = schemaErrors('{"a b": [1, 2.5]}', schema);

    expect(problem).toMatchObject({ path: '$["a b"][1]', pointer: '/a b/1', column: 13 });
  });

  it('formats are checked', () => {
    const schema = compiled('{"type": "string", "format": "date-time"}');

    expect(checkJson('"2025-01-31T12:00:00Z"', schema).ok).toBe(true);
    expect(schemaErrors('"31/01/2025"', schema)[0]!.expected).toContain('RFC 3339');
  });
});

describe('a schema is JSON too, and a broken one is placed in its own text', () => {
  it('a schema with a trailing comma gets the same syntax problem as any document', () => {
    const result = compileSchema('{"type": "object",}');

    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toMatchObject({ kind: 'trailing-comma', column: 19 });
  });

  it('a misspelt type name is invalid against the metaschema, with the caret on it', () => {
    const result = compileSchema('{\n  "type": "nubmer"\n}');

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]).toMatchObject({ kind: 'invalid-schema', line: 2, column: 11 });
      expect(result.problems[0]!.message).toBe(
        'This is not a valid JSON Schema 2020-12: at $.type, "nubmer" is not allowed; use one of ' +
          '"array", "boolean", "integer", "null", "number", "object" or "string". Did you mean "number"?',
      );
    }
  });

  it('each place in a broken schema is one problem, in the order they appear', () => {
    const result = compileSchema('{"type": "nubmer", "properties": {"a": {"minimum": "x"}}}');

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => [p.column, p.pointer])).toEqual([
        [10, '/type'],
        [52, '/properties/a/minimum'],
      ]);
      expect(result.problems[1]!.message).toContain('the value must be a number.');
    }
  });

  it('a $ref to nowhere', () => {
    const result = compileSchema('{"$ref": "#/$defs/missing"}');

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toContain('A $ref points nowhere');
  });

  it('an unknown keyword compiles with a note that points at it', () => {
    const result = compileSchema('{"type": "object", "requird": ["a"]}');

    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.notes).toHaveLength(1);
      expect(result.notes[0]).toMatchObject({
        kind: 'schema-note',
        severity: 'warning',
        column: 20,
      });
      expect(result.notes[0]!.message).toContain('"requird" is not a JSON Schema 2020-12 keyword');
    }
  });

  it('a format this course does not know is accepted unchecked, with a note', () => {
    const result = compileSchema('{"type": "string", "format": "hostname"}');

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.notes[0]!.message).toContain('"hostname" is not checked here');
  });

  it('an array is not a schema', () => {
    const result = compileSchema('[]');

    expect(result.ok).toBe(false);
  });

  it('every built-in schema compiles without notes', () => {
    for (const id of Object.keys(BUILT_IN_SCHEMAS) as BuiltInSchemaId[]) {
      expect(builtIn(id).notes).toEqual([]);
    }
  });
});
