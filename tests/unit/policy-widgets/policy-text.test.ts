import { describe, expect, it } from 'vitest';
import { ALLOW_EVERYTHING, DEVICE_POLICY } from '../../../src/widgets/policy/example-policies.ts';
import {
  checkPolicyText,
  offsetOf,
  policySize,
  problemPlace,
} from '../../../src/widgets/policy/policy-text.ts';
import { shortSubstituted } from '../../../src/widgets/policy/statement-text.ts';

describe('checking a policy as it is typed', () => {
  it('reports JSON syntax first, and nothing about the policy until it is JSON', () => {
    const check = checkPolicyText('{"Version": "2012-10-17", "Statement": [],}');

    expect(check.syntax.map((p) => [p.kind, p.line, p.column])).toEqual([
      ['trailing-comma', 1, 43],
    ]);
    expect(check.problems).toEqual([]);
    expect(check.document).toBeUndefined();
    expect(check.errors).toBe(1);
  });

  it('lints a valid policy, with each finding placed in the text', () => {
    const check = checkPolicyText(ALLOW_EVERYTHING);

    expect(check.errors).toBe(0);
    expect(check.warnings).toBe(2);
    expect(check.problems.map((p) => [p.code, p.at, p.location?.line, p.location?.column])).toEqual(
      [
        ['allow-all-iot-actions', 'Statement[0].Action', 6, 17],
        ['allow-any-resource', 'Statement[0].Resource', 7, 19],
      ],
    );
  });

  it('names a duplicate key once, as a policy problem', () => {
    const check = checkPolicyText(
      '{"Version": "2012-10-17", "Version": "2012-10-17", "Statement": []}',
    );

    expect(check.syntax).toEqual([]);
    expect(check.problems.filter((p) => p.code === 'duplicate-key')).toHaveLength(1);
  });

  it('does not repeat an unknown action as a resource of the wrong type', () => {
    const check = checkPolicyText(DEVICE_POLICY.replace('"iot:Publish"', '"iot:Pubish"'));

    expect(check.problems.map((p) => [p.code, p.at])).toEqual([
      ['action-unknown', 'Statement[1].Action'],
    ]);
  });

  it('counts characters as AWS does, without whitespace', () => {
    expect(policySize({ Version: '2012-10-17', Statement: [] })).toBe(39);
    expect(checkPolicyText(DEVICE_POLICY).size).toBe(policySize(JSON.parse(DEVICE_POLICY)));
  });
});

describe('placing a problem in the text', () => {
  it('turns a line and column into an offset, whatever the line ends', () => {
    expect(offsetOf('ab\ncd', 2, 2)).toBe(4);
    expect(offsetOf('ab\r\ncd', 2, 1)).toBe(4);
    expect(offsetOf('ab\rcd', 2, 2)).toBe(4);
    expect(offsetOf('ab', 9, 9)).toBe(2);
  });

  it('gives the excerpt and caret the JSON display uses', () => {
    const check = checkPolicyText(ALLOW_EVERYTHING);
    const place = problemPlace(ALLOW_EVERYTHING, check.problems[0]!);

    expect(place?.excerpt).toEqual({
      text: '      "Action": "iot:*",',
      caret: '                ^',
    });
  });
});

describe('showing an ARN after substitution', () => {
  it('keeps the part after the account when the prefix is unchanged', () => {
    expect(
      shortSubstituted(
        'arn:aws:iot:us-east-1:123456789012:topic/sensors/${iot:ClientId}',
        'arn:aws:iot:us-east-1:123456789012:topic/sensors/sensor-01',
      ),
    ).toBe('…topic/sensors/sensor-01');
  });

  it('shows the whole text when there is no ARN prefix to drop', () => {
    expect(shortSubstituted('${iot:ClientId}', 'sensor-01')).toBe('sensor-01');
  });
});
