/**
 * A policy decision that denied a device's request, turned into the Refusal the lab's events
 * carry: what was denied, which statement decided it (or, for an implicit deny, the nearest
 * Allow and what it lacks), and what the broker did about it (spec §6, §7.4; flows 02, 03, 07,
 * 08).
 */
import type { Decision, StatementRef } from '../policy/decision.ts';
import type { Refusal, RefusedAction, StatementName } from './lab-event.ts';

/** The request each refusal names; `retain` is the extra iot:RetainPublish check. */
export type DeniedRequest = RefusedAction | 'retain' | 'will';

const REFUSALS: Record<
  DeniedRequest,
  { code: string; action: string; then: string; rule: string }
> = {
  connect: {
    code: 'connect-not-authorized',
    action: 'iot:Connect',
    then: 'The broker answered CONNACK 0x05 (not authorized) and closed the connection.',
    rule: 'AWS IoT: connect-policy',
  },
  publish: {
    code: 'publish-not-authorized',
    action: 'iot:Publish',
    then:
      'AWS IoT closes an MQTT 3.1.1 connection whose PUBLISH is denied, so the lab closed it ' +
      'too, without a PUBACK.',
    rule: 'AWS IoT: pub-sub-policy',
  },
  retain: {
    code: 'retain-not-authorized',
    action: 'iot:RetainPublish',
    then:
      'A retained PUBLISH needs iot:RetainPublish as well as iot:Publish; AWS IoT closes the ' +
      'connection when it is denied, and so did the lab.',
    rule: 'AWS IoT: pub-sub-policy',
  },
  will: {
    code: 'will-not-authorized',
    action: 'iot:Publish',
    then:
      'The CONNECT set a will on this topic, and the device may not publish there, so the ' +
      'broker answered CONNACK 0x05 (not authorized) and closed the connection. AWS does not ' +
      'say when it checks a will; the lab checks it at CONNECT.',
    rule: 'AWS IoT: connect-policy',
  },
  subscribe: {
    code: 'subscribe-not-authorized',
    action: 'iot:Subscribe',
    then: 'The broker answered SUBACK 0x80 for this filter; the connection and the other filters stay.',
    rule: 'AWS IoT: pub-sub-policy',
  },
  receive: {
    code: 'receive-not-authorized',
    action: 'iot:Receive',
    then: 'This message was not delivered to this client; its subscription stays.',
    rule: 'AWS IoT: pub-sub-policy',
  },
};

/** The lab applies a policy change at the next request; AWS IoT can take minutes. */
export const IMMEDIATE_CHANGES_NOTE =
  'The lab reads policies afresh for every request, so a change applies at once; AWS IoT ' +
  'caches them, and a change can take about 6 to 8 minutes to apply there.';

export function policyRefusal(
  denied: DeniedRequest,
  decision: Decision,
  versions: Readonly<Record<string, string>>,
): Refusal {
  const words = REFUSALS[denied];
  const named = (ref: StatementRef): StatementName => ({
    policy: ref.policy,
    ...(versions[ref.policy] ? { version: versions[ref.policy] } : {}),
    attachedTo: ref.attachedTo,
    at: ref.at,
    ...(ref.sid ? { sid: ref.sid } : {}),
  });
  const outcome =
    decision.outcome === 'explicitly-denied' ? 'explicitly-denied' : 'implicitly-denied';
  const deciding = outcome === 'explicitly-denied' ? decision.decidingStatement : undefined;
  const near = decision.nearMiss;

  const what = `${decision.request.action} on ${decision.request.resource} denied`;
  const why = deciding
    ? `${statementLabel(named(deciding))} denies it, and an explicit Deny overrides every Allow`
    : decision.statements.length === 0
      ? 'no policy in effect allows it (the certificate has no policy attached)'
      : `no statement allows it${near ? ` (nearest: ${statementLabel(named(near.statement))}: ${near.lacks[0] ?? 'it does not apply'})` : ''}`;

  return {
    code: words.code,
    title: `${words.action} denied by IoT policy`,
    message: `${what}: ${why}. ${words.then}`,
    rule: words.rule,
    explanation: {
      outcome,
      action: decision.request.action,
      resource: decision.request.resource,
      ...(deciding ? { deciding: named(deciding) } : {}),
      ...(near && !deciding ? { nearest: { ...named(near.statement), lacks: near.lacks } } : {}),
      summary: decision.summary,
      note: IMMEDIATE_CHANGES_NOTE,
    },
  };
}

/** `policy "p" version 2 Statement[0] (Sid "Pub")`, or `thing-group policy …`. */
export function statementLabel(name: StatementName): string {
  const kind = name.attachedTo === 'thing-group' ? 'thing-group policy' : 'policy';
  const version = name.version ? ` version ${name.version}` : '';
  const sid = name.sid ? ` (Sid "${name.sid}")` : '';
  return `${kind} "${name.policy}"${version} ${name.at}${sid}`;
}
