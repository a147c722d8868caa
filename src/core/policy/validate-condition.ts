/**
 * Checks a Condition clause: the operator exists, AWS IoT sets the key, and each value is the
 * kind the operator compares (true/false for Bool, an address or CIDR block for IpAddress, …).
 */
import { conditionKeyKind, KNOWN_KEYS_SUMMARY } from './condition-key.ts';
import { parseOperator, suggestOperator, type ConditionOperator } from './condition-operator.ts';
import { isIpBlock } from './ip-address.ts';
import type { ConditionClause } from './policy-document.ts';
import { problem, type PolicyProblem } from './policy-problem.ts';
import { checkUnsubstituted, checkVariables } from './validate-variables.ts';

export function checkCondition(clause: ConditionClause): PolicyProblem[] {
  const operator = parseOperator(clause.operator);
  const operatorPath = clause.path.slice(0, -1);

  if (!operator) {
    const near = suggestOperator(clause.operator);
    return [
      problem('condition-operator-unknown', {
        path: operatorPath,
        found: JSON.stringify(clause.operator),
        expected: near ? `"${near}"` : 'an IAM condition operator such as "StringEquals"',
        message:
          `"${clause.operator}" is not a condition operator, so AWS would refuse the policy. ` +
          (near
            ? `Write "${near}" (operator names are case-sensitive).`
            : 'Use StringEquals, StringLike, ArnLike, Bool, IpAddress, Null or their negations, ' +
              'optionally with ForAllValues:/ForAnyValue: or …IfExists.'),
      }),
    ];
  }

  const problems: PolicyProblem[] = [];
  if (conditionKeyKind(clause.key) === 'unknown') {
    problems.push(
      problem('condition-key-unknown', {
        path: clause.path,
        found: JSON.stringify(clause.key),
        expected: `a key AWS IoT sets: ${KNOWN_KEYS_SUMMARY}`,
        message:
          `AWS IoT never sets "${clause.key}" on an MQTT request, so this key is always ` +
          `absent: ${absentEffect(operator)}.`,
      }),
    );
  }

  problems.push(...checkValues(clause, operator));
  return problems;
}

/** What an absent key does to the clause, by operator. */
function absentEffect(op: ConditionOperator): string {
  if (op.comparison === 'Null') return 'Null "true" always holds and Null "false" never does';
  if (op.ifExists || op.set === 'ForAllValues' || (op.negated && op.set === undefined)) {
    return `${op.raw} always holds, whatever the request`;
  }

  return `${op.raw} never holds, so the statement never applies`;
}

function checkValues(clause: ConditionClause, op: ConditionOperator): PolicyProblem[] {
  if (op.substitutesVariables) return checkVariables(clause.values);

  const problems = checkUnsubstituted(clause.values, `a ${op.base} condition`);
  const valid = VALUE_CHECKS[op.comparison];
  if (!valid) return problems;

  for (const { value, path } of clause.values) {
    if (valid.test(value)) continue;
    problems.push(
      problem('condition-value-invalid', {
        path,
        found: JSON.stringify(value),
        expected: valid.expected,
        message:
          `${op.base} compares ${valid.expected}, but this value is ` +
          `${JSON.stringify(value)}, which never matches.`,
      }),
    );
  }

  return problems;
}

const VALUE_CHECKS: Partial<Record<string, { test: (v: string) => boolean; expected: string }>> = {
  Bool: { test: (v) => /^(true|false)$/i.test(v), expected: '"true" or "false"' },
  Null: {
    test: (v) => /^(true|false)$/i.test(v),
    expected: '"true" (key absent) or "false" (key present)',
  },
  IpAddress: { test: isIpBlock, expected: 'an IP address or CIDR block such as "203.0.113.0/24"' },
  NumericEquals: { test: isNumber, expected: 'a number' },
  NumericLessThan: { test: isNumber, expected: 'a number' },
  NumericLessThanEquals: { test: isNumber, expected: 'a number' },
  NumericGreaterThan: { test: isNumber, expected: 'a number' },
  NumericGreaterThanEquals: { test: isNumber, expected: 'a number' },
  DateEquals: { test: isDate, expected: 'a date such as "2025-01-31T00:00:00Z"' },
  DateLessThan: { test: isDate, expected: 'a date such as "2025-01-31T00:00:00Z"' },
  DateLessThanEquals: { test: isDate, expected: 'a date such as "2025-01-31T00:00:00Z"' },
  DateGreaterThan: { test: isDate, expected: 'a date such as "2025-01-31T00:00:00Z"' },
  DateGreaterThanEquals: { test: isDate, expected: 'a date such as "2025-01-31T00:00:00Z"' },
};

function isNumber(v: string): boolean {
  return v.trim() !== '' && !Number.isNaN(Number(v));
}

function isDate(v: string): boolean {
  return /^\d+$/.test(v) || !Number.isNaN(Date.parse(v));
}
