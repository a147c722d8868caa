/**
 * IAM wildcard matching, the way resources and actions are compared (`iot-policy-variables`,
 * `pub-sub-policy`): `*` matches any run of characters, `/` and `:` included, possibly none;
 * `?` matches exactly one character; every other character is itself. `+` and `#` are ordinary
 * characters here, never MQTT wildcards.
 */

/** A pattern after variable substitution: substituted values are literal, whatever they hold. */
export type GlobToken = { kind: 'literal'; text: string } | { kind: 'star' } | { kind: 'one' };

/** The tokens of pattern text in which `*` and `?` are wildcards. */
export function globTokens(text: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  let literal = '';

  for (const char of text) {
    if (char !== '*' && char !== '?') {
      literal += char;
      continue;
    }
    if (literal !== '') tokens.push({ kind: 'literal', text: literal });
    literal = '';
    tokens.push(char === '*' ? { kind: 'star' } : { kind: 'one' });
  }
  if (literal !== '') tokens.push({ kind: 'literal', text: literal });

  return tokens;
}

/** The pattern written back as text; a wildcard shows as its character. */
export function globText(tokens: readonly GlobToken[]): string {
  return tokens
    .map((t) => (t.kind === 'literal' ? t.text : t.kind === 'star' ? '*' : '?'))
    .join('');
}

/** True when the tokens contain a `*` or `?` wildcard. */
export function hasWildcard(tokens: readonly GlobToken[]): boolean {
  return tokens.some((t) => t.kind !== 'literal');
}

type Unit = string | typeof STAR | typeof ONE;
const STAR = Symbol('*');
const ONE = Symbol('?');

/** Does the whole of `subject` match the pattern? Characters are compared by code point. */
export function globMatch(
  tokens: readonly GlobToken[],
  subject: string,
  options: { ignoreCase?: boolean } = {},
): boolean {
  const fold = (s: string) => (options.ignoreCase ? s.toLowerCase() : s);
  const pattern: Unit[] = tokens.flatMap((t): Unit[] =>
    t.kind === 'literal' ? [...fold(t.text)] : [t.kind === 'star' ? STAR : ONE],
  );
  const text = [...fold(subject)];

  // Greedy scan that backtracks only to the last `*`: linear for most patterns, never exponential.
  let p = 0;
  let s = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (s < text.length) {
    const unit = pattern[p];
    if (unit === STAR) {
      starAt = p++;
      resumeAt = s;
    } else if (unit !== undefined && (unit === ONE || unit === text[s])) {
      p++;
      s++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      s = ++resumeAt;
    } else {
      return false;
    }
  }
  while (pattern[p] === STAR) p++;

  return p === pattern.length;
}

/** Match text in which `*` and `?` are wildcards, e.g. an action pattern. */
export function wildcardMatch(pattern: string, subject: string, ignoreCase = false): boolean {
  return globMatch(globTokens(pattern), subject, { ignoreCase });
}
