/**
 * Policy variables (`iot-policy-variables`, `basic-policy-variables`, `thing-policy-variables`,
 * `cert-policy-variables`): `${name}` in a Resource or a condition value, replaced by the value
 * from the request context. A value is literal text even when it holds `*` or `?`; a variable
 * that cannot be resolved stays as the text `${name}`, which matches nothing real (spec 5.6).
 */
import { parseCertificateName, MAX_VALUES } from './certificate-variable.ts';
import { globTokens, type GlobToken } from './glob.ts';
import { readContextKey, type RequestContext } from './request-context.ts';

/** Single-valued variables AWS IoT substitutes, in AWS's spelling. */
export const VARIABLES = [
  'iot:ClientId',
  'aws:SourceIp',
  'iot:DomainName',
  'iot:Connection.Thing.ThingName',
  'iot:Connection.Thing.ThingTypeName',
  'iot:Connection.Thing.IsAttached',
  'iot:CertificateId',
  'iot:Certificate.SerialNumber',
  'iot:LastWillTopic',
  'cognito-identity.amazonaws.com:sub',
] as const;

/** Keys with several values: usable with ForAnyValue/ForAllValues, never as `${…}`. */
export const MULTI_VALUED_KEYS = [
  'iot:ConnectAttributes',
  'iot:Certificate.AvailableKeys',
] as const;

/** `${*}`, `${?}` and `${$}` stand for the character itself; the IoT page prints `$(*)`. */
const SPECIAL = /^(?:\$\{([*?$])\}|\$\(([*?$])\))/;

/** A piece of text with variables in it. */
export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'special'; char: string; raw: string }
  | { kind: 'variable'; name: string; raw: string }
  | { kind: 'unterminated'; raw: string };

/** What one variable became in one substitution. */
export interface VariableUse {
  /** As written, e.g. `${iot:Connection.Thing.ThingName}`. */
  raw: string;
  name: string;
  /** The substituted value; absent when unresolved. */
  value?: string;
  /** Why the variable kept its literal text. */
  unresolved?: string;
}

/** Text after substitution: tokens to match with, and a record of every variable. */
export interface Substituted {
  tokens: GlobToken[];
  /** The text as matched: values in place, unresolved variables as written. */
  text: string;
  variables: VariableUse[];
}

/** Splits text into literal runs, special characters and variables. */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  const flush = () => {
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
  };

  for (let i = 0; i < text.length; ) {
    const special = SPECIAL.exec(text.slice(i, i + 4));
    if (special) {
      flush();
      parts.push({ kind: 'special', char: special[1] ?? special[2] ?? '', raw: special[0] });
      i += special[0].length;
    } else if (text.startsWith('${', i)) {
      flush();
      const end = text.indexOf('}', i);
      if (end === -1) {
        parts.push({ kind: 'unterminated', raw: text.slice(i) });
        break;
      }
      parts.push({ kind: 'variable', name: text.slice(i + 2, end), raw: text.slice(i, end + 1) });
      i = end + 1;
    } else {
      literal += text[i];
      i++;
    }
  }
  flush();

  return parts;
}

/** Why a variable name can never resolve, or undefined when AWS IoT may substitute it. */
export function variableNameProblem(
  name: string,
): { multiValued: boolean; reason: string } | undefined {
  const lower = name.toLowerCase();
  if (VARIABLES.some((v) => v.toLowerCase() === lower)) return undefined;
  if (/^iot:Connection\.Thing\.Attributes\[[^\]]+\]$/i.test(name)) return undefined;
  if (MULTI_VALUED_KEYS.some((k) => k.toLowerCase() === lower)) {
    return {
      multiValued: true,
      reason: `${name} has several values, and a variable needs exactly one`,
    };
  }

  const certificate = parseCertificateName(name);
  if (certificate?.selector.kind === 'list') {
    return {
      multiValued: true,
      reason: `${name} is a list of values, and a variable needs exactly one`,
    };
  }
  if (certificate?.selector.kind === 'index' && certificate.selector.index >= MAX_VALUES) {
    return {
      multiValued: false,
      reason:
        `only the first ${MAX_VALUES} values of a certificate attribute exist (positions 0 ` +
        `to ${MAX_VALUES - 1})`,
    };
  }
  if (certificate) return undefined;

  return { multiValued: false, reason: `${name} is not a policy variable AWS IoT knows` };
}

/**
 * Replaces variables with their values. When `enabled` is false (a Version other than
 * 2012-10-17) every `${…}` stays as text. `wildcards` says whether `*` and `?` written in the
 * text itself are wildcards (Resource, StringLike) or plain characters (StringEquals).
 */
export function substitute(
  text: string,
  context: RequestContext,
  options: { enabled: boolean; wildcards: boolean },
): Substituted {
  const tokens: GlobToken[] = [];
  const variables: VariableUse[] = [];
  let shownText = '';
  const literal = (t: string) => {
    if (t === '') return;
    shownText += t;
    const last = tokens.at(-1);
    if (last?.kind === 'literal') last.text += t;
    else tokens.push({ kind: 'literal', text: t });
  };

  for (const part of options.enabled ? parseTemplate(text) : [{ kind: 'text' as const, text }]) {
    if (part.kind === 'text') {
      if (!options.wildcards) {
        literal(part.text);
        continue;
      }
      for (const token of globTokens(part.text)) {
        if (token.kind === 'literal') literal(token.text);
        else {
          tokens.push(token);
          shownText += token.kind === 'star' ? '*' : '?';
        }
      }
    } else if (part.kind === 'special') {
      literal(part.char);
    } else if (part.kind === 'unterminated') {
      literal(part.raw);
    } else {
      const use = resolveVariable(part, context);
      variables.push(use);
      literal(use.value ?? part.raw);
    }
  }

  if (!options.enabled && /\$\{[^}]*\}/.test(text)) {
    for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
      variables.push({
        raw: match[0],
        name: match[1] ?? '',
        unresolved: 'the policy Version is not 2012-10-17, so ${…} is plain text',
      });
    }
  }

  return { tokens, text: shownText, variables };
}

/** One variable's value, or why it keeps its literal text. */
export function resolveVariable(
  variable: { name: string; raw: string },
  context: RequestContext,
): VariableUse {
  const { name, raw } = variable;
  const problem = variableNameProblem(name);
  if (problem) return { raw, name, unresolved: problem.reason };

  const found = readContextKey(context, name);
  if (!found.present) return { raw, name, unresolved: found.reason };
  if (found.multiValued || found.values.length !== 1) {
    return {
      raw,
      name,
      unresolved: `${name} has ${found.values.length} values, and a variable needs exactly one`,
    };
  }

  return { raw, name, value: found.values[0] ?? '' };
}
