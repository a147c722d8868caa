import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../../src/core/policy/index.ts';

const ARN = 'arn:aws:iot:us-east-1:123456789012';

/** A policy as text, one statement per line, so locations are easy to state. */
function policyText(...statements: string[]): string {
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}\n`;
}

const codes = (text: string) => validatePolicy(text).problems.map((p) => `${p.code} ${p.at}`);

describe('a valid policy', () => {
  it('has no problems and is read for evaluation', () => {
    const result = validatePolicy(
      policyText(
        `{"Effect": "Allow", "Action": "iot:Connect", "Resource": "${ARN}:client/\${iot:Connection.Thing.ThingName}", "Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"}}}`,
      ),
    );

    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.policy?.statements).toHaveLength(1);
  });
});

describe('JSON syntax', () => {
  it('is reported with the line and column of the mistake', () => {
    const result = validatePolicy('{\n  "Version": "2012-10-17",\n  "Statement": [],\n}');

    expect(result.valid).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'json-syntax',
      severity: 'error',
      at: '(the document)',
      location: { line: 4, column: 1 },
    });
    expect(result.problems[0]?.message).toMatch(
      /^The policy is not valid JSON at line 4, column 1: /,
    );
  });
});

describe('each problem names its path, what was found and what is expected', () => {
  it('an unknown action, with the nearest real one', () => {
    const [problem] = validatePolicy(
      policyText(`{"Effect": "Allow", "Action": ["iot:Connect", "iot:Subcribe"], "Resource": "*"}`),
    ).problems;

    expect(problem).toEqual({
      code: 'action-unknown',
      severity: 'error',
      title: 'Not an AWS IoT action',
      path: ['Statement', 0, 'Action', 1],
      at: 'Statement[0].Action[1]',
      found: '"iot:Subcribe"',
      expected: '"iot:Subscribe"',
      message:
        '"iot:Subcribe" is not an AWS IoT action, so this entry never matches anything. Did you mean "iot:Subscribe"?',
      location: { line: 4, column: 51, endLine: 4, endColumn: 65 },
    });
  });

  it('an Effect in the wrong case', () => {
    const [problem] = validatePolicy(
      policyText(`{"Effect": "allow", "Action": "iot:Connect", "Resource": "*"}`),
    ).problems;

    expect(problem).toMatchObject({
      code: 'effect-invalid',
      at: 'Statement[0].Effect',
      found: '"allow"',
      expected: '"Allow" or "Deny"',
      message:
        '"Effect" is "allow", but it must be exactly "Allow" or "Deny" (capital letter first): write "Allow".',
    });
  });

  it('a resource that is not an ARN, with the full ARN to write', () => {
    const [problem] = validatePolicy(
      policyText(
        `{"Effect": "Allow", "Action": "iot:Publish", "Resource": ["${ARN}:topic/a", "topic/sensors/*"]}`,
      ),
    ).problems;

    expect(problem).toMatchObject({
      code: 'resource-arn-malformed',
      at: 'Statement[0].Resource[1]',
      found: '"topic/sensors/*"',
      message: `The resource "topic/sensors/*" does not start with "arn:", so it never matches a request ARN. Write the full ARN, e.g. "${ARN}:topic/sensors/*".`,
    });
  });

  it('an unknown resource type, singular and lower case expected', () => {
    expect(
      codes(
        policyText(`{"Effect": "Allow", "Action": "iot:Publish", "Resource": "${ARN}:topics/a"}`),
      ),
    ).toEqual(['resource-type-unknown Statement[0].Resource']);
  });

  it('a condition operator with a typo, and a key AWS IoT never sets', () => {
    const problems = validatePolicy(
      policyText(
        `{"Effect": "Allow", "Action": "iot:Connect", "Resource": "*", "Condition": {"StringEqual": {"iot:ClientId": "a"}, "StringEquals": {"iot:Color": "red"}}}`,
      ),
    ).problems;

    expect(problems.map((p) => [p.code, p.at, p.expected])).toEqual([
      [
        'condition-operator-unknown',
        'Statement[0].Condition.StringEqual',
        'an IAM condition operator such as "StringEquals"',
      ],
      [
        'condition-key-unknown',
        'Statement[0].Condition.StringEquals["iot:Color"]',
        'a key AWS IoT sets: iot:ClientId, aws:SourceIp, iot:DomainName, iot:Connection.Thing.*, iot:CertificateId, iot:Certificate.*, iot:ConnectAttributes, iot:LastWillTopic',
      ],
    ]);
    expect(problems[1]?.message).toBe(
      'AWS IoT never sets "iot:Color" on an MQTT request, so this key is always absent: StringEquals never holds, so the statement never applies.',
    );
  });

  it('a set operator path is quoted, because it holds a colon', () => {
    expect(
      codes(
        policyText(
          `{"Effect": "Allow", "Action": "iot:Connect", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"iot:ConnectAttributes": ["PersistentConnect", 7, null]}}}`,
        ),
      ),
    ).toEqual([
      'condition-value-invalid Statement[0].Condition["ForAllValues:StringEquals"]["iot:ConnectAttributes"][2]',
    ]);
  });

  it('a Bool value that is not true or false', () => {
    const [problem] = validatePolicy(
      policyText(
        `{"Effect": "Allow", "Action": "iot:Connect", "Resource": "*", "Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "yes"}}}`,
      ),
    ).problems;

    expect(problem).toMatchObject({
      code: 'condition-value-invalid',
      found: '"yes"',
      expected: '"true" or "false"',
    });
  });

  it('Principal, which an IoT policy never has', () => {
    const [problem] = validatePolicy(
      policyText(`{"Effect": "Allow", "Principal": "*", "Action": "iot:Connect", "Resource": "*"}`),
    ).problems;

    expect(problem?.at).toBe('Statement[0].Principal');
    expect(problem?.message).toContain('An IoT policy has no principal of its own');
  });

  it('a missing Effect points at the statement that lacks it', () => {
    const [problem] = validatePolicy(
      policyText(`{"Action": "iot:Connect", "Resource": "*"}`),
    ).problems;

    expect(problem).toMatchObject({
      code: 'effect-missing',
      at: 'Statement[0].Effect',
      location: { line: 4, column: 5 },
    });
  });

  it('both Action and NotAction', () => {
    expect(
      codes(
        policyText(
          `{"Effect": "Deny", "Action": "iot:Connect", "NotAction": "iot:Publish", "Resource": "*"}`,
        ),
      ),
    ).toEqual(['action-conflict Statement[0].NotAction']);
  });

  it('a key written twice, of which JSON keeps the last', () => {
    const [problem] = validatePolicy(
      policyText(
        `{"Effect": "Allow", "Action": "iot:Connect", "Resource": "${ARN}:client/a", "Resource": "${ARN}:client/b"}`,
      ),
    ).problems;

    expect(problem).toMatchObject({
      code: 'duplicate-key',
      severity: 'warning',
      at: 'Statement[0].Resource',
    });
    expect(problem?.message).toBe(
      '"Resource" is written 2 times in the same object; only the last one counts, and the one on line 4 is ignored. Merge them into one list.',
    );
  });
});

describe('policy variables', () => {
  it('an undocumented variable can never resolve', () => {
    const [problem] = validatePolicy(
      policyText(
        `{"Effect": "Allow", "Action": "iot:Publish", "Resource": "${ARN}:topic/\${iot:Thing.ThingName}/*"}`,
      ),
    ).problems;

    expect(problem).toMatchObject({
      code: 'variable-unknown',
      at: 'Statement[0].Resource',
      found: '${iot:Thing.ThingName}',
      message:
        '${iot:Thing.ThingName} can never be substituted: iot:Thing.ThingName is not a policy variable AWS IoT knows. It stays as literal text, so this entry matches nothing. Did you mean ${iot:Connection.Thing.ThingName}?',
    });
  });

  it('a .List cannot be a variable', () => {
    expect(
      codes(
        policyText(
          `{"Effect": "Allow", "Action": "iot:Publish", "Resource": "${ARN}:topic/\${iot:Certificate.Subject.CommonName.List}"}`,
        ),
      ),
    ).toEqual(['variable-multivalued Statement[0].Resource']);
  });

  it('an unclosed ${', () => {
    expect(
      codes(
        policyText(
          `{"Effect": "Allow", "Action": "iot:Publish", "Resource": "${ARN}:topic/\${iot:ClientId"}`,
        ),
      ),
    ).toEqual(['variable-unterminated Statement[0].Resource']);
  });

  it('need Version 2012-10-17, reported at Version', () => {
    const text = `{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "iot:Publish", "Resource": "${ARN}:topic/\${iot:ClientId}"}]}`;
    const [problem] = validatePolicy(text).problems;

    expect(problem).toMatchObject({
      code: 'version-needed-for-variables',
      at: 'Version',
      found: 'Version "2008-10-17"',
      expected: '"Version": "2012-10-17"',
    });
  });

  it('a missing Version is a warning that says variables will not work', () => {
    const [problem] = validatePolicy({
      Statement: [{ Effect: 'Allow', Action: 'iot:Connect', Resource: '*' }],
    }).problems;

    expect(problem).toMatchObject({ code: 'version-missing', severity: 'warning', at: 'Version' });
  });
});

describe('documents given as parsed JSON', () => {
  it('are validated the same way, without locations', () => {
    const result = validatePolicy({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 'iot:Foo', Resource: '*' },
    });

    expect(result.problems.map((p) => [p.code, p.at, p.location])).toEqual([
      ['action-unknown', 'Statement.Action', undefined],
    ]);
  });

  it('a document that is not an object', () => {
    expect(validatePolicy([]).problems[0]).toMatchObject({
      code: 'document-not-object',
      found: 'an array',
    });
  });

  it('a document over 2048 characters', () => {
    const many = Array.from({ length: 60 }, (_, i) => `${ARN}:topic/sensors/${i}`);
    const result = validatePolicy({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iot:Publish', Resource: many }],
    });

    expect(result.problems.map((p) => p.code)).toEqual(['policy-too-large']);
  });
});
