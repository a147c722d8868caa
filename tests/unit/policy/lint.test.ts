import { describe, expect, it } from 'vitest';
import {
  evaluate,
  lintPolicy,
  mqttRequests,
  type LintCode,
} from '../../../src/core/policy/index.ts';

const ARN = 'arn:aws:iot:us-east-1:123456789012';

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const codes = (document: object) => lintPolicy(document).map((f) => `${f.code} ${f.at}`);

describe('the Subscribe Deny that wildcard filters go around (the documented trap)', () => {
  const trap = doc(
    { Effect: 'Allow', Action: 'iot:Subscribe', Resource: `${ARN}:topicfilter/a/*` },
    { Effect: 'Deny', Action: 'iot:Subscribe', Resource: `${ARN}:topicfilter/a/restricted/*` },
    { Effect: 'Allow', Action: 'iot:Receive', Resource: `${ARN}:topic/a/*` },
  );

  it('lets a client subscribe to a/#, which the Deny was meant to stop', () => {
    const decision = evaluate(mqttRequests.subscribe('a/#'), [{ name: 'trap', document: trap }], {
      'iot:ClientId': 'c1',
    });

    expect(decision.outcome).toBe('allowed');
    expect(decision.decidingStatement?.index).toBe(0);
  });

  it('is reported at the Deny, naming the filter that goes around it and the fix', () => {
    const findings = lintPolicy(trap);
    const finding = findings.find((f) => f.code === 'deny-subscribe-bypassed-by-wildcards');

    expect(finding).toMatchObject({
      code: 'deny-subscribe-bypassed-by-wildcards',
      severity: 'warning',
      at: 'Statement[1].Resource',
      expected: `a Deny on iot:Receive for "${ARN}:topic/a/restricted/*" (or an Allow on iot:Receive with that NotResource)`,
    });
    expect(finding?.message).toBe(
      'This Deny does not stop a client subscribing to "a/#": iot:Subscribe compares the filter\'s text, ' +
        '"a/#" does not match the Deny, and policy \'policy\' Statement[0] allows it. That subscription then ' +
        'delivers messages on "a/restricted/x" and every other topic the Deny meant to protect. Block delivery ' +
        `instead: deny iot:Receive on "${ARN}:topic/a/restricted/*", which AWS checks on every message.`,
    );
  });

  it('is not reported once Receive is blocked for the restricted topics, as the docs advise', () => {
    const fixed = doc(
      { Effect: 'Allow', Action: 'iot:Subscribe', Resource: `${ARN}:topicfilter/a/*` },
      { Effect: 'Deny', Action: 'iot:Subscribe', Resource: `${ARN}:topicfilter/a/restricted/*` },
      { Effect: 'Allow', Action: 'iot:Receive', NotResource: `${ARN}:topic/a/restricted/*` },
    );

    expect(codes(fixed)).toEqual([]);
  });

  it('is not reported when no Allow accepts a wildcard filter over the denied topics', () => {
    const narrow = doc(
      {
        Effect: 'Allow',
        Action: ['iot:Subscribe', 'iot:Receive'],
        Resource: [`${ARN}:topicfilter/a/public`, `${ARN}:topic/a/public`],
      },
      { Effect: 'Deny', Action: 'iot:Subscribe', Resource: `${ARN}:topicfilter/a/restricted/*` },
    );

    expect(codes(narrow)).toEqual([]);
  });
});

describe('each lint', () => {
  const CASES: [name: string, statements: object[], expected: `${LintCode} ${string}`[]][] = [
    [
      'iot:* in an Allow',
      [{ Effect: 'Allow', Action: 'iot:*', Resource: `${ARN}:topic/a` }],
      ['allow-all-iot-actions Statement[0].Action'],
    ],
    [
      '"Resource": "*" in an Allow',
      [{ Effect: 'Allow', Action: 'iot:Publish', Resource: '*' }],
      ['allow-any-resource Statement[0].Resource'],
    ],
    [
      'iot:Connect on client/*',
      [{ Effect: 'Allow', Action: 'iot:Connect', Resource: `${ARN}:client/*` }],
      ['connect-any-client Statement[0].Resource'],
    ],
    [
      'iot:Connect on client/${iot:ClientId}',
      [{ Effect: 'Allow', Action: 'iot:Connect', Resource: [`${ARN}:client/\${iot:ClientId}`] }],
      ['connect-any-client Statement[0].Resource[0]'],
    ],
    [
      'iot:Connect on the thing name with IsAttached checked',
      [
        {
          Effect: 'Allow',
          Action: 'iot:Connect',
          Resource: `${ARN}:client/\${iot:Connection.Thing.ThingName}`,
          Condition: { Bool: { 'iot:Connection.Thing.IsAttached': 'true' } },
        },
      ],
      [],
    ],
    [
      '${iot:ClientId} in a topic filter',
      [
        {
          Effect: 'Allow',
          Action: ['iot:Subscribe', 'iot:Receive'],
          Resource: [`${ARN}:topicfilter/my/\${iot:ClientId}/topic`, `${ARN}:topic/my/*`],
        },
      ],
      ['client-id-in-topic-filter Statement[0].Resource[0]'],
    ],
    [
      'iot:Subscribe given a topic/ ARN',
      [{ Effect: 'Allow', Action: 'iot:Subscribe', Resource: `${ARN}:topic/data/*` }],
      ['subscribe-topic-arn Statement[0].Resource'],
    ],
    [
      'iot:Publish given a topicfilter/ ARN',
      [{ Effect: 'Allow', Action: 'iot:Publish', Resource: `${ARN}:topicfilter/data/*` }],
      ['resource-type-mismatch Statement[0].Resource'],
    ],
    [
      'a Subscribe with no Receive for what it delivers',
      [{ Effect: 'Allow', Action: 'iot:Subscribe', Resource: `${ARN}:topicfilter/data/*` }],
      ['subscribe-without-receive Statement[0].Resource'],
    ],
    [
      'MQTT wildcards in a topic filter resource',
      [
        {
          Effect: 'Allow',
          Action: ['iot:Subscribe', 'iot:Receive'],
          Resource: [`${ARN}:topicfilter/sensors/+`, `${ARN}:topic/sensors/*`],
        },
      ],
      ['mqtt-wildcard-in-resource Statement[0].Resource[0]'],
    ],
    [
      'a Deny that needs a thing variable',
      [
        { Effect: 'Allow', Action: 'iot:Publish', Resource: `${ARN}:topic/*` },
        {
          Effect: 'Deny',
          Action: 'iot:Publish',
          Resource: `${ARN}:topic/\${iot:Connection.Thing.ThingName}/admin/*`,
        },
      ],
      ['deny-with-unresolvable-variable Statement[1].Resource'],
    ],
  ];

  it.each(CASES)('%s', (_name, statements, expected) => {
    expect(codes(doc(...statements))).toEqual(expected);
  });
});

describe('a lint finding', () => {
  it('says what happens and what to write instead', () => {
    const [finding] = lintPolicy(
      doc({ Effect: 'Allow', Action: 'iot:Subscribe', Resource: `${ARN}:topic/data/*` }),
    );

    expect(finding).toMatchObject({
      code: 'subscribe-topic-arn',
      title: 'iot:Subscribe given a topic/ ARN',
      found: `"${ARN}:topic/data/*"`,
      expected: `"${ARN}:topicfilter/data/*"`,
    });
    expect(finding?.message).toBe(
      `iot:Subscribe is checked against topicfilter/ ARNs, so this topic/ ARN never matches a subscription and the client is denied. Write "${ARN}:topicfilter/data/*"; keep a topic/ ARN only for iot:Receive, which is checked on each message delivered.`,
    );
  });

  it('suggests * for an MQTT wildcard', () => {
    const [finding] = lintPolicy(
      doc({ Effect: 'Allow', Action: ['iot:Publish'], Resource: `${ARN}:topic/sensors/#` }),
    );

    expect(finding?.expected).toBe(`"${ARN}:topic/sensors/*"`);
    expect(finding?.message).toContain(
      'A topic name never contains them, so this entry never matches a Publish or Receive',
    );
  });

  it('gets a line and column when the policy is text', () => {
    const text = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "iot:*", "Resource": "${ARN}:topic/a"}\n  ]\n}`;

    expect(lintPolicy(text)[0]?.location).toEqual({
      line: 4,
      column: 35,
      endLine: 4,
      endColumn: 42,
    });
  });
});

describe('resource-type-mismatch with no known action', () => {
  it('stays quiet when every action is unknown (validation reports those)', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iot:Publsh', Resource: 'arn:aws:iot:us-east-1:123456789012:topic/a' }],
    });
    const codes = lintPolicy(policy).map((p) => p.code);
    expect(codes).not.toContain('resource-type-mismatch');
  });
});
