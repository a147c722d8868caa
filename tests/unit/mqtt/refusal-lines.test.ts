import { describe, expect, it } from 'vitest';
import type { Refusal } from '../../../src/core/lab/lab-event.ts';
import { refusalLines } from '../../../src/widgets/mqtt/refusal-lines.ts';

const ARN = 'arn:aws:iot:us-east-1:123456789012';

describe('a policy refusal in brief, for a client’s message log', () => {
  it('names the Deny that decided an explicit deny', () => {
    const refusal: Refusal = {
      code: 'receive-not-authorized',
      title: 'iot:Receive denied by IoT policy',
      message: '…',
      explanation: {
        outcome: 'explicitly-denied',
        action: 'iot:Receive',
        resource: `${ARN}:topic/device/update`,
        deciding: {
          policy: 'device',
          version: '2',
          attachedTo: 'principal',
          at: 'Statement[3]',
          sid: 'NoUpdates',
        },
        summary: '…',
      },
    };

    expect(refusalLines(refusal)).toEqual([
      `Explicitly denied: iot:Receive on ${ARN}:topic/device/update`,
      'Decided by policy "device" v2, Statement[3] "NoUpdates"',
    ]);
  });

  it('names the nearest allow and the first thing it lacks for an implicit deny', () => {
    const refusal: Refusal = {
      code: 'publish-not-authorized',
      title: 'iot:Publish denied by IoT policy',
      message: '…',
      explanation: {
        outcome: 'implicitly-denied',
        action: 'iot:Publish',
        resource: `${ARN}:topic/a/b`,
        nearest: {
          policy: 'p',
          version: '1',
          attachedTo: 'thing-group',
          at: 'Statement[0]',
          lacks: ['its Resource does not match', 'a second reason'],
        },
        summary: '…',
      },
    };

    expect(refusalLines(refusal)).toEqual([
      `Implicitly denied: no statement allows iot:Publish on ${ARN}:topic/a/b`,
      'Nearest allow: policy "p" v1 (thing group), Statement[0] (its Resource does not match)',
    ]);
  });

  it('adds nothing for a refusal by a protocol rule', () => {
    expect(refusalLines({ code: 'reserved-topic', title: 't', message: 'm' })).toEqual([]);
  });
});
