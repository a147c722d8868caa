import { describe, expect, it } from 'vitest';
import {
  checkClientId,
  checkClientPublish,
  checkClientSubscribe,
} from '../../../src/core/lab/broker-rules.ts';

describe('checkClientPublish', () => {
  it.each([
    ['lab/hello'],
    ['$SYSTEM/status'],
    ['$sys/broker/uptime'],
    ['sys/$SYS/x'],
    ['$share/group/topic'],
    ['a/b/c/d/e/f/g/h/i/j'],
  ])('lets a client publish to %j', (topic) => {
    expect(checkClientPublish(topic)).toBeNull();
  });

  it.each([['$SYS'], ['$SYS/x'], ['$SYS/broker/clients/connected']])(
    'refuses a publish to %j as a reserved topic and says the connection is closed',
    (topic) => {
      expect(checkClientPublish(topic)).toEqual({
        code: 'reserved-topic',
        title: 'Publishing to $SYS is not allowed',
        message:
          `The topic name '${topic}' is under $SYS/, where the broker publishes its own ` +
          'status. Clients may subscribe there but not publish, so the broker closed the ' +
          'connection. Publish to a topic of your own, such as lab/hello.',
        rule: 'MQTT 3.1.1 §4.7.2',
      });
    },
  );

  it.each([
    ['', 'MQTT-4.7.3-1', 'Empty topic'],
    ['lab/+', 'MQTT-4.7.1-1', 'Wildcard in a topic name'],
    ['lab/#', 'MQTT-4.7.1-1', 'Wildcard in a topic name'],
    ['$SYS/#', 'MQTT-4.7.1-1', 'Wildcard in a topic name'],
    ['lab/\u0000', 'MQTT-4.7.3-2', 'Null character in a topic'],
    ['lab/\ud800', 'MQTT-1.5.3-1', 'Not well-formed UTF-8'],
  ])('refuses the malformed topic name %j under rule %s', (topic, rule, title) => {
    expect(checkClientPublish(topic)).toMatchObject({ code: 'invalid-topic-name', rule, title });
  });

  it('explains a wildcard in a topic name with where it is and what to do', () => {
    expect(checkClientPublish('lab/+')?.message).toBe(
      "The topic name 'lab/+' contains the wildcard '+' at character 5 (level 2 '+'). " +
        'Wildcards belong in topic filters, used to subscribe; a topic name, used to publish, ' +
        'names one exact topic [MQTT-4.7.1-1, MQTT-3.3.2-2]. Put a real level name there instead.',
    );
  });
});

describe('checkClientSubscribe', () => {
  it.each([['#'], ['+'], ['$SYS/#'], ['sport/tennis/+'], ['+/+/#'], ['$share/g/x'], ['/']])(
    'lets a client subscribe to %j',
    (filter) => {
      expect(checkClientSubscribe(filter)).toBeNull();
    },
  );

  it.each([
    ['', 'MQTT-4.7.3-1', 'Empty topic'],
    ['sport/tennis#', 'MQTT-4.7.1-2', "'#' is not alone in the last level"],
    ['sport/#/ranking', 'MQTT-4.7.1-2', "'#' is not alone in the last level"],
    ['sport/+x', 'MQTT-4.7.1-3', "'+' does not fill a whole level"],
    ['+a', 'MQTT-4.7.1-3', "'+' does not fill a whole level"],
    ['a\u0000/#', 'MQTT-4.7.3-2', 'Null character in a topic'],
  ])('refuses the filter %j under rule %s', (filter, rule, title) => {
    expect(checkClientSubscribe(filter)).toMatchObject({
      code: 'invalid-topic-filter',
      rule,
      title,
    });
  });

  it('tells the learner how to write the filter they meant', () => {
    expect(checkClientSubscribe('sport/tennis#')?.message).toBe(
      "In the topic filter 'sport/tennis#' the '#' at character 13 (level 2 'tennis#') shares " +
        "its level with other characters, but '#' must be a whole level, and the last one " +
        "[MQTT-4.7.1-2]. To match everything below that point, write 'sport/tennis/#'.",
    );
  });
});

describe('checkClientId', () => {
  it('lets a client connect with an ID that does not start with $', () => {
    expect(checkClientId('lamp-1')).toBeNull();
    expect(checkClientId('lamp-$1')).toBeNull();
  });

  it("refuses '$' alone and suggests an ID to use instead", () => {
    expect(checkClientId('$')).toMatchObject({
      code: 'reserved-client-id',
      message: expect.stringMatching(/such as 'device-1'\.$/),
    });
  });
});
