import { describe, expect, it } from 'vitest';
import { evaluate, explainDecision, mqttRequests } from '../../../src/core/policy/index.ts';

const ARN = 'arn:aws:iot:us-east-1:123456789012';

const policy = (...Statement: object[]) => [
  { name: 'device.json', document: { Version: '2012-10-17', Statement } },
];

describe('an explanation', () => {
  it('for an allow names the statement, with each part and the substituted values', () => {
    const decision = evaluate(
      mqttRequests.publish('my/topic/clientid1'),
      policy({
        Sid: 'OwnTopic',
        Effect: 'Allow',
        Action: 'iot:Publish',
        Resource: `${ARN}:topic/my/topic/\${iot:ClientId}`,
        Condition: { IpAddress: { 'aws:SourceIp': '123.45.167.0/24' } },
      }),
      { 'iot:ClientId': 'clientid1', 'aws:SourceIp': '123.45.167.89' },
    );

    expect(explainDecision(decision)).toBe(
      [
        `✔ Allowed: policy 'device.json' Statement[0] (Sid "OwnTopic") allows iot:Publish on ${ARN}:topic/my/topic/clientid1.`,
        '',
        'Statements:',
        `  ✔ policy 'device.json' Statement[0] (Sid "OwnTopic"), Allow: applies, so it allows`,
        '      ✔ Action: iot:Publish matches "iot:Publish"',
        `      ✔ Resource: ${ARN}:topic/my/topic/clientid1 matches "${ARN}:topic/my/topic/clientid1"`,
        '          ${iot:ClientId} = "clientid1"',
        '      ✔ Condition IpAddress aws:SourceIp: the request value "123.45.167.89" matches ["123.45.167.0/24"]',
        '',
      ].join('\n'),
    );
  });

  it('for an explicit deny names the Deny and shows that the Allow applied too', () => {
    const decision = evaluate(
      mqttRequests.publish('thing1/bar'),
      policy(
        { Effect: 'Allow', Action: 'iot:Publish', Resource: `${ARN}:topic/thing1/*` },
        {
          Sid: 'NoBar',
          Effect: 'Deny',
          Action: 'iot:Publish',
          Resource: `${ARN}:topic/thing1/bar`,
        },
      ),
      { 'iot:ClientId': 'thing1' },
    );
    const text = explainDecision(decision);

    expect(text).toMatch(
      /^✘ Explicitly denied: policy 'device.json' Statement\[1\] \(Sid "NoBar"\) denies iot:Publish on .*topic\/thing1\/bar, and an explicit Deny overrides every Allow\.\n/,
    );
    expect(text).toContain("✔ policy 'device.json' Statement[0], Allow: applies, so it allows");
    expect(text).toContain(
      `✔ policy 'device.json' Statement[1] (Sid "NoBar"), Deny: applies, so it denies`,
    );
  });

  it('for an implicit deny names the nearest Allow and the topic/ ARN it should not have used', () => {
    const decision = evaluate(
      mqttRequests.subscribe('data/x'),
      policy(
        { Effect: 'Allow', Action: 'iot:Connect', Resource: `${ARN}:client/c` },
        { Effect: 'Allow', Action: 'iot:Subscribe', Resource: `${ARN}:topic/data/*` },
      ),
      { 'iot:ClientId': 'c' },
    );

    expect(decision.nearMiss).toEqual({
      statement: {
        policy: 'device.json',
        attachedTo: 'principal',
        index: 1,
        effect: 'Allow',
        at: 'Statement[1]',
      },
      lacks: [
        `its Resource "${ARN}:topic/data/*" does not match ${ARN}:topicfilter/data/x: iot:Subscribe is checked against topicfilter/ ARNs, and this entry is a topic/ ARN`,
      ],
    });
    expect(explainDecision(decision)).toContain(
      "\nNearest: policy 'device.json' Statement[1] (Allow) would apply but\n  - its Resource",
    );
  });

  it('for an unresolved thing variable says the thing is not linked', () => {
    const decision = evaluate(
      mqttRequests.connect('thing1'),
      policy({
        Effect: 'Allow',
        Action: 'iot:Connect',
        Resource: `${ARN}:client/\${iot:Connection.Thing.ThingName}`,
      }),
      { 'iot:ClientId': 'thing1', 'iot:Connection.Thing.IsAttached': 'false' },
    );

    expect(decision.nearMiss?.lacks[0]).toContain(
      'the variable ${iot:Connection.Thing.ThingName} did not resolve (the request context has no iot:Connection.Thing.ThingName: no registry thing is linked to this connection',
    );
    expect(explainDecision(decision)).toContain(
      '${iot:Connection.Thing.ThingName} unresolved: the request context has no iot:Connection.Thing.ThingName',
    );
  });

  it('for a failing condition gives the values compared', () => {
    const decision = evaluate(
      mqttRequests.connect('dev1'),
      policy({
        Effect: 'Allow',
        Action: 'iot:Connect',
        Resource: '*',
        Condition: {
          'ForAllValues:StringEquals': { 'iot:ConnectAttributes': ['PersistentConnect'] },
        },
      }),
      { 'iot:ClientId': 'dev1', 'iot:ConnectAttributes': ['PersistentConnect', 'LastWill'] },
    );

    expect(decision.nearMiss?.lacks).toEqual([
      'its condition ForAllValues:StringEquals on iot:ConnectAttributes fails: the request value "LastWill" fails: each must be one that matches one of ["PersistentConnect"]',
    ]);
  });

  it('for a filter with + names + as an ordinary character to the policy', () => {
    const decision = evaluate(
      mqttRequests.subscribe('my/+/topic'),
      policy({
        Effect: 'Allow',
        Action: 'iot:Subscribe',
        Resource: `${ARN}:topicfilter/my/\${iot:ClientId}/topic`,
      }),
      { 'iot:ClientId': 'device7' },
    );

    expect(decision.nearMiss?.lacks[0]).toContain(
      "the '+' and '#' you subscribed with are ordinary characters",
    );
  });

  it('for a region mismatch names both regions', () => {
    const decision = evaluate(
      mqttRequests.publish('a'),
      policy({
        Effect: 'Allow',
        Action: 'iot:Publish',
        Resource: 'arn:aws:iot:us-west-2:123456789012:topic/a',
      }),
      {},
    );

    expect(decision.nearMiss?.lacks[0]).toMatch(
      /it names the region us-west-2, but the request is in us-east-1$/,
    );
  });

  it('notes a thing-group policy that is not in effect', () => {
    const decision = evaluate(
      mqttRequests.publish('fleet/x'),
      [
        {
          name: 'fleet',
          attachedTo: 'thing-group',
          document: { Version: '2012-10-17', Statement: [] },
        },
      ],
      { 'iot:ClientId': 'other', 'iot:Connection.Thing.ThingName': 'sensor-1' },
    );

    expect(explainDecision(decision)).toContain(
      'Thing-group policy \'fleet\' is not in effect: the client ID "other" is not the thing name "sensor-1"; thing-group policies apply only when the client ID equals the thing name.',
    );
  });
});
