import { describe, expect, it } from 'vitest';
import { globMatch, globTokens, wildcardMatch } from '../../../src/core/policy/glob.ts';

describe('policy wildcards', () => {
  const MATCHES: [pattern: string, subject: string, matches: boolean][] = [
    ['a/*', 'a/', true],
    ['a/*', 'a/b/c/d', true],
    ['a/*', 'a', false],
    ['*', '', true],
    ['some/*/topic', 'some/a/b/topic', true],
    ['some/*/topic', 'some/topic', false],
    ['some/?????/topic', 'some/ab/de/topic', true],
    ['sensor???', 'sensor12', false],
    ['sensor???', 'sensor123', true],
    ['some/+/topic', 'some/x/topic', false],
    ['some/+/topic', 'some/+/topic', true],
    ['a/#', 'a/b', false],
    ['arn:aws:iot:*:123:topic/a', 'arn:aws:iot:us-east-1:123:topic/a', true],
    ['*a*b*c', 'xxaxxbxxc', true],
    ['*a*b*c', 'xxaxxbxxcx', false],
  ];

  it.each(MATCHES)('%j against %j: %s', (pattern, subject, matches) => {
    expect(wildcardMatch(pattern, subject)).toBe(matches);
  });

  it('compares case-sensitively unless asked not to, as actions are', () => {
    expect(wildcardMatch('topic/Sensors/*', 'topic/sensors/x')).toBe(false);
    expect(wildcardMatch('iot:pub*', 'iot:Publish', true)).toBe(true);
  });

  it('counts characters, not UTF-16 halves, for ?', () => {
    expect(wildcardMatch('temp/?', 'temp/🌡')).toBe(true);
  });

  it('treats substituted literal text as literal even when it holds * or ?', () => {
    const tokens = [...globTokens('topic/'), { kind: 'literal' as const, text: 'dev*' }];

    expect(globMatch(tokens, 'topic/dev*')).toBe(true);
    expect(globMatch(tokens, 'topic/devXYZ')).toBe(false);
  });

  it('stays fast on patterns that would make a naive matcher backtrack exponentially', () => {
    const started = Date.now();
    expect(wildcardMatch('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
