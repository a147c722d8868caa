import { describe, expect, it } from 'vitest';
import { checkDevicePublish, checkDeviceSubscribe } from '../../../src/core/lab/device-quotas.ts';

describe('checkDevicePublish: at most 7 slashes, as AWS IoT Core counts them', () => {
  it.each([['a/b/c/d/e/f/g/h'], ['$aws/rules/store/a/b/c/d/e/f/g/h'], ['lab/hello']])(
    'lets a device publish to %j',
    (topic) => {
      expect(checkDevicePublish(topic)).toBeNull();
    },
  );

  it.each([['a/b/c/d/e/f/g/h/i'], ['$aws/rules/store/a/b/c/d/e/f/g/h/i']])(
    'refuses %j and says the connection is closed',
    (topic) => {
      expect(checkDevicePublish(topic)).toMatchObject({
        code: 'topic-too-deep',
        rule: 'AWS-topic-depth',
        message: expect.stringMatching(/closed the connection\.$/),
      });
    },
  );
});

describe('checkDeviceSubscribe', () => {
  it('counts the levels of a filter, wildcards included', () => {
    expect(checkDeviceSubscribe('a/b/c/d/e/f/g/#')).toBeNull();
    expect(checkDeviceSubscribe('a/b/c/d/e/f/g/h/#')).toMatchObject({
      code: 'topic-too-deep',
      message: expect.stringMatching(/answered SUBACK 0x80 for this filter\.$/),
    });
  });

  it("leaves out the two slashes of '$share/<name>/'", () => {
    expect(checkDeviceSubscribe('$share/workers/a/b/c/d/e/f/g/#')).toBeNull();
  });
});
