/**
 * IAM condition operators (`IAM reference_policies_elements_condition_operators`), with the
 * `ForAllValues:`/`ForAnyValue:` set prefixes and the `IfExists` suffix.
 */

/** The test each operator makes on one request value and one policy value. */
export const COMPARISONS = [
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'NumericEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'ArnLike',
  'Null',
] as const;

export type Comparison = (typeof COMPARISONS)[number];

/** Every operator name: the comparison it makes, and whether it is the negation of it. */
export const OPERATORS: Record<string, { comparison: Comparison; negated: boolean }> = {
  StringEquals: { comparison: 'StringEquals', negated: false },
  StringNotEquals: { comparison: 'StringEquals', negated: true },
  StringEqualsIgnoreCase: { comparison: 'StringEqualsIgnoreCase', negated: false },
  StringNotEqualsIgnoreCase: { comparison: 'StringEqualsIgnoreCase', negated: true },
  StringLike: { comparison: 'StringLike', negated: false },
  StringNotLike: { comparison: 'StringLike', negated: true },
  NumericEquals: { comparison: 'NumericEquals', negated: false },
  NumericNotEquals: { comparison: 'NumericEquals', negated: true },
  NumericLessThan: { comparison: 'NumericLessThan', negated: false },
  NumericLessThanEquals: { comparison: 'NumericLessThanEquals', negated: false },
  NumericGreaterThan: { comparison: 'NumericGreaterThan', negated: false },
  NumericGreaterThanEquals: { comparison: 'NumericGreaterThanEquals', negated: false },
  DateEquals: { comparison: 'DateEquals', negated: false },
  DateNotEquals: { comparison: 'DateEquals', negated: true },
  DateLessThan: { comparison: 'DateLessThan', negated: false },
  DateLessThanEquals: { comparison: 'DateLessThanEquals', negated: false },
  DateGreaterThan: { comparison: 'DateGreaterThan', negated: false },
  DateGreaterThanEquals: { comparison: 'DateGreaterThanEquals', negated: false },
  Bool: { comparison: 'Bool', negated: false },
  BinaryEquals: { comparison: 'BinaryEquals', negated: false },
  IpAddress: { comparison: 'IpAddress', negated: false },
  NotIpAddress: { comparison: 'IpAddress', negated: true },
  // IAM gives ArnEquals the same wildcard matching as ArnLike.
  ArnEquals: { comparison: 'ArnLike', negated: false },
  ArnLike: { comparison: 'ArnLike', negated: false },
  ArnNotEquals: { comparison: 'ArnLike', negated: true },
  ArnNotLike: { comparison: 'ArnLike', negated: true },
  Null: { comparison: 'Null', negated: false },
};

export const SET_PREFIXES = ['ForAllValues', 'ForAnyValue'] as const;

export type SetPrefix = (typeof SET_PREFIXES)[number];

/** An operator name taken apart, e.g. `ForAnyValue:StringLikeIfExists`. */
export interface ConditionOperator {
  raw: string;
  set: SetPrefix | undefined;
  /** The name without prefix or suffix, e.g. `StringLike`. */
  base: string;
  comparison: Comparison;
  negated: boolean;
  ifExists: boolean;
  /** Only string and ARN values have policy variables substituted. */
  substitutesVariables: boolean;
  /** StringLike and the ARN operators read `*` and `?` as wildcards. */
  wildcards: boolean;
}

/** The operator, or undefined when IAM has no such operator. Names are case-sensitive. */
export function parseOperator(raw: string): ConditionOperator | undefined {
  const colon = raw.indexOf(':');
  const prefix = colon === -1 ? undefined : raw.slice(0, colon);
  if (prefix !== undefined && !(SET_PREFIXES as readonly string[]).includes(prefix))
    return undefined;

  let base = colon === -1 ? raw : raw.slice(colon + 1);
  const ifExists = base.endsWith('IfExists') && base !== 'IfExists';
  if (ifExists) base = base.slice(0, -'IfExists'.length);

  const known = OPERATORS[base];
  if (!known || (ifExists && base === 'Null')) return undefined;

  const { comparison, negated } = known;
  return {
    raw,
    set: prefix as SetPrefix | undefined,
    base,
    comparison,
    negated,
    ifExists,
    substitutesVariables: comparison.startsWith('String') || comparison === 'ArnLike',
    wildcards: comparison === 'StringLike' || comparison === 'ArnLike',
  };
}

/** The known operator spelled like `raw` apart from case or a missing prefix colon, if any. */
export function suggestOperator(raw: string): string | undefined {
  const lower = raw.toLowerCase().replace(/ifexists$/, '');
  const withoutPrefix = lower.replace(/^for(all|any)values?:?/, '');
  const name = Object.keys(OPERATORS).find((o) => o.toLowerCase() === withoutPrefix);
  if (name === undefined) return undefined;

  const prefix = SET_PREFIXES.find((p) => lower.startsWith(p.toLowerCase()));
  const suffix = raw.toLowerCase().endsWith('ifexists') && name !== 'Null' ? 'IfExists' : '';
  return `${prefix ? `${prefix}:` : ''}${name}${suffix}`;
}
