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
