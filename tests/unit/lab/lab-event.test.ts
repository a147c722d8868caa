import { describe, expect, it } from 'vitest';
import { checkClientPublish } from '../../../src/core/lab/broker-rules.ts';
import { formatLabEvent, type LabEvent } from '../../../src/core/lab/lab-event.ts';

const base = { time: '2026-01-01T00:00:00.000Z', clientId: 'lamp-1', transport: 'ws' } as const;

const REFUSAL = {
  code: 'invalid-topic-filter',
  title: "'+' does not fill a whole level",
  message: 'Put it in a level of its own.',
  rule: 'MQTT-4.7.1-3',
};

describe('formatLabEvent', () => {
  it.each<[string, LabEvent, string]>([
    [
      'connect',
      { ...base, type: 'connect', address: '127.0.0.1:50000', cleanSession: true, keepalive: 60 },
      'connect client=lamp-1 via=ws from=127.0.0.1:50000 clean=true keepalive=60',
    ],
    [
      'connect held to another keep-alive',
      {
        ...base,
        type: 'connect',
        address: '127.0.0.1:50001',
        cleanSession: false,
        keepalive: 30,
        keepaliveAsked: 10,
      },
      'connect client=lamp-1 via=ws from=127.0.0.1:50001 clean=false keepalive=30 keepalive-asked=10',
    ],
    [
      'disconnect',
      { ...base, transport: 'tcp', type: 'disconnect', reason: 'client sent DISCONNECT' },
      'disconnect client=lamp-1 via=tcp reason="client sent DISCONNECT"',
    ],
    [
      'subscribe',
      { ...base, type: 'subscribe', filter: 'sport/+/#', qos: 1 },
      'subscribe client=lamp-1 via=ws filter=sport/+/# qos=1',
    ],
    [
      'unsubscribe',
      { ...base, transport: 'mtls', type: 'unsubscribe', filter: '$SYS/#' },
      'unsubscribe client=lamp-1 via=mtls filter=$SYS/#',
    ],
    [
      'refusal',
      { ...base, type: 'refusal', action: 'subscribe', target: 'sport/+x', refusal: REFUSAL },
      'refused subscribe client=lamp-1 via=ws target=sport/+x code=invalid-topic-filter ' +
        'rule=MQTT-4.7.1-3: Put it in a level of its own.',
    ],
    [
      'refusal without a rule',
      {
        ...base,
        type: 'refusal',
        action: 'connect',
        target: 'lamp-1',
        refusal: { code: 'lab-closed', title: 'Closed', message: 'The lab is closed.' },
      },
      'refused connect client=lamp-1 via=ws target=lamp-1 code=lab-closed rule=-: ' +
        'The lab is closed.',
    ],
  ])('writes a %s event as one key=value line', (_name, event, line) => {
    expect(formatLabEvent(event)).toBe(line);
  });

  it('quotes the rule when it has spaces, as the $SYS rule does', () => {
    const refusal = checkClientPublish('$SYS/x')!;
    const event: LabEvent = {
      ...base,
      type: 'refusal',
      action: 'publish',
      target: '$SYS/x',
      refusal,
    };

    expect(formatLabEvent(event)).toBe(
      `refused publish client=lamp-1 via=ws target=$SYS/x code=reserved-topic ` +
        `rule="MQTT 3.1.1 §4.7.2": ${refusal.message}`,
    );
  });

  it.each([
    ['my lamp', 'client="my lamp"'],
    ['lamp\nconnect client=admin', 'client="lamp\\nconnect client=admin"'],
    ['tab\there', 'client="tab\\there"'],
    ['say "hi"', 'client="say \\"hi\\""'],
    ['a=b', 'client="a=b"'],
    ['capteur-é', 'client="capteur-é"'],
    ['', 'client=""'],
  ])('quotes the client ID %j so that the event stays on one line', (clientId, shown) => {
    const line = formatLabEvent({
      ...base,
      clientId,
      type: 'disconnect',
      reason: 'connection lost',
    });

    expect(line).toBe(`disconnect ${shown} via=ws reason="connection lost"`);
    expect(line).not.toContain('\n');
  });

  it('quotes filters and reasons that carry control characters', () => {
    const event: LabEvent = { ...base, type: 'subscribe', filter: 'a\r\nb', qos: 0 };

    expect(formatLabEvent(event)).toBe('subscribe client=lamp-1 via=ws filter="a\\r\\nb" qos=0');
  });

  // A newline in a topic must not split the log line and forge a second event.
  it('keeps a refused publish to a $SYS topic with a newline on one line', () => {
    const target = '$SYS/x\nconnect client=admin';
    const refusal = checkClientPublish(target)!;
    const event: LabEvent = { ...base, type: 'refusal', action: 'publish', target, refusal };

    expect(formatLabEvent(event)).not.toContain('\n');
  });
});
