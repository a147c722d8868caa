import { describe, expect, test } from 'vitest';
import { GoalTracker, type ShellEvent, type TerminalGoal } from '../../../src/core/shell/index.ts';
import { makeLab, run, start } from './fakes.ts';

const publishGoal: TerminalGoal = {
  kind: 'published',
  topic: 'lab/x',
  payload: '{"t":21}',
  explain: 'Published.',
};
const receiveGoal: TerminalGoal = {
  kind: 'received',
  count: 2,
  filter: 'lab/#',
  explain: 'Received.',
};

function received(run: number, topic: string): ShellEvent {
  return { kind: 'received', run, topic, payload: 'p', retain: false, count: 1 };
}

describe('goals', () => {
  test('a publish goal is reached by the same topic and an equal JSON payload', () => {
    const tracker = new GoalTracker([publishGoal]);
    const sent = (topic: string, payload: string): ShellEvent => ({
      kind: 'published',
      topic,
      payload,
      qos: 0,
      retain: false,
    });
    expect(tracker.observe(sent('lab/y', '{"t":21}'))).toBeNull();
    expect(tracker.observe(sent('lab/x', '{"t":22}'))).toBeNull();
    expect(tracker.observe(sent('lab/x', '{ "t": 21 }'))).toBe(publishGoal);
  });

  test('a receive goal counts messages of one mosquitto_sub run that match its filter', () => {
    const tracker = new GoalTracker([receiveGoal]);
    expect(tracker.observe(received(1, 'lab/a'))).toBeNull();
    expect(tracker.observe(received(2, 'lab/b'))).toBeNull();
    expect(tracker.observe(received(1, 'other/c'))).toBeNull();
    expect(tracker.observe(received(1, 'lab/d'))).toBe(receiveGoal);
  });

  test('the first goal reached is reported once', () => {
    const tracker = new GoalTracker([{ ...receiveGoal, count: 1 }, publishGoal]);
    expect(tracker.observe(received(1, 'lab/a'))).toMatchObject({ kind: 'received' });
    expect(tracker.observe(received(1, 'lab/a'))).toBeNull();
  });

  test("a learner's mosquitto_sub that receives a message from elsewhere reaches the goal", async () => {
    const lab = makeLab();
    const tracker = new GoalTracker([
      { kind: 'received', count: 1, filter: 'lab/#', explain: 'x' },
    ]);
    const reached: TerminalGoal[] = [];
    lab.shell.onEvent((event) => {
      const goal = tracker.observe(event);
      if (goal) reached.push(goal);
    });

    const sub = start(lab.shell, "mosquitto_sub -t 'lab/#' -v -C 1");
    await lab.broker.waitForSubscription('lab/#');
    lab.broker.publish('lab/x', '{"t":21}');
    await sub.done;
    expect(reached).toHaveLength(1);
  });

  test('the shell reports each line it ran with its status', async () => {
    const lab = makeLab();
    const events: ShellEvent[] = [];
    lab.shell.onEvent((e) => events.push(e));
    await run(lab.shell, `mosquitto_pub -t lab/x -m '{"t":21}'`);
    expect(events).toEqual([
      { kind: 'published', topic: 'lab/x', payload: '{"t":21}', qos: 0, retain: false },
      { kind: 'ran', line: `mosquitto_pub -t lab/x -m '{"t":21}'`, status: 0 },
    ]);
  });
});

describe('goals on commands, certificates and decisions', () => {
  const ran = { kind: 'ran', command: 'openssl verify', explain: '' } as const;

  test('a ran goal needs the command alone on its line, with exit status 0', () => {
    const line = (text: string, status: number) => ({ kind: 'ran' as const, line: text, status });
    expect(
      new GoalTracker([ran]).observe(line('openssl verify -CAfile ca.crt d.crt', 2)),
    ).toBeNull();
    expect(new GoalTracker([ran]).observe(line('openssl verify d.crt; echo $?', 0))).toBeNull();
    expect(new GoalTracker([ran]).observe(line('openssl verifyx d.crt', 0))).toBeNull();
    expect(new GoalTracker([ran]).observe(line(' openssl  verify -CAfile ca.crt d.crt', 0))).toBe(
      ran,
    );
  });

  test('a certificate goal checks the status and the CN of the subject', () => {
    const goal = {
      kind: 'certificate',
      status: 'ACTIVE',
      commonName: 'sensor-01',
      explain: '',
    } as const;
    const event = (subject: string, status: string) => ({
      kind: 'certificate-status' as const,
      certificateId: 'a'.repeat(64),
      subject,
      status,
    });
    expect(new GoalTracker([goal]).observe(event('CN=sensor-01', 'INACTIVE'))).toBeNull();
    expect(new GoalTracker([goal]).observe(event('CN=sensor-011,O=x', 'ACTIVE'))).toBeNull();
    expect(new GoalTracker([goal]).observe(event('O=Handshake,CN=sensor-01', 'ACTIVE'))).toBe(goal);
  });

  test('an authorized goal waits for the decision it names', () => {
    const goal = { kind: 'authorized', decision: 'ALLOWED', explain: '' } as const;
    const event = (decision: string) => ({
      kind: 'authorization' as const,
      action: 'iot:Publish',
      resource: 'arn:aws:iot:us-east-1:123456789012:topic/x',
      decision,
    });
    const tracker = new GoalTracker([goal]);
    expect(tracker.observe(event('IMPLICIT_DENY'))).toBeNull();
    expect(tracker.observe(event('ALLOWED'))).toBe(goal);
  });
});
