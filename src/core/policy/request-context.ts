/**
 * The request context: what AWS IoT knows about a connection when it evaluates a request
 * (`iot-policy-variables`). Keys are policy-variable names; a broker resolves them at CONNECT.
 */
import { parseCertificateName, selectValues } from './certificate-variable.ts';

/** A string, a multi-valued key's values, or thing attributes by name. */
export type ContextValue = string | readonly string[] | Readonly<Record<string, string>>;

/**
 * Keys as in `policy-cases.json`: `iot:ClientId`, `iot:Connection.Thing.ThingName` (only when a
 * thing is linked), `iot:Connection.Thing.Attributes` (an object), `iot:Certificate.Subject.
 * CommonName` (every value, in certificate order), `iot:ConnectAttributes` (an array), …
 */
export type RequestContext = Readonly<Record<string, ContextValue>>;

/** What the context holds for a key, or why it holds nothing. */
export type KeyLookup =
  | { present: true; values: string[]; multiValued: boolean }
  | { present: false; reason: string };

const THING_PREFIX = 'iot:connection.thing.';
const ATTRIBUTE_KEY = /^iot:Connection\.Thing\.Attributes\[(.*)\]$/i;

/** The value(s) of a condition key or policy variable. Key names ignore case, as in IAM. */
export function readContextKey(context: RequestContext, key: string): KeyLookup {
  const direct = find(context, key);

  const certificate = parseCertificateName(key);
  if (certificate) {
    const base = find(context, certificate.attribute);
    if (base === undefined && typeof direct === 'string') return single(direct);

    const all = typeof base === 'string' ? [base] : Array.isArray(base) ? (base as string[]) : [];
    const picked = selectValues(all, certificate.selector);
    if ('reason' in picked) return { present: false, reason: `${key}: ${picked.reason}` };

    return {
      present: true,
      values: picked.values,
      multiValued: certificate.selector.kind === 'list',
    };
  }

  const attribute = ATTRIBUTE_KEY.exec(key);
  if (attribute && direct === undefined) {
    const name = attribute[1] ?? '';
    const attributes = find(context, 'iot:Connection.Thing.Attributes');
    const value = isRecord(attributes) ? attributes[name] : undefined;
    if (value !== undefined) return single(value);

    const why = isRecord(attributes)
      ? `the linked thing has no attribute "${name}"`
      : absentReason('iot:Connection.Thing.Attributes');
    return { present: false, reason: `${key}: ${why}` };
  }

  if (typeof direct === 'string') return single(direct);
  if (Array.isArray(direct))
    return { present: true, values: [...(direct as string[])], multiValued: true };

  return { present: false, reason: absentReason(key) };
}

/** Why a key can be missing, in words that point at the usual cause. */
export function absentReason(key: string): string {
  const lower = key.toLowerCase();
  if (lower.startsWith(THING_PREFIX)) {
    return (
      `the request context has no ${key}: no registry thing is linked to this connection ` +
      '(the client ID must equal the name of a thing attached to the certificate, ' +
      'unless the certificate is exclusively attached)'
    );
  }
  if (lower.startsWith('iot:certificate.')) return `the certificate has no value for ${key}`;

  return `the request context has no ${key}`;
}

/** Do thing-group policies apply? Only when a thing is linked and the client ID is its name. */
export function thingGroupPoliciesApply(context: RequestContext): { apply: boolean; why: string } {
  const clientId = find(context, 'iot:ClientId');
  const thingName = find(context, 'iot:Connection.Thing.ThingName');

  if (typeof thingName !== 'string') {
    return { apply: false, why: 'no registry thing is linked to this connection' };
  }
  if (clientId !== thingName) {
    return {
      apply: false,
      why:
        `the client ID ${JSON.stringify(clientId ?? '')} is not the thing name ` +
        `${JSON.stringify(thingName)}`,
    };
  }

  return { apply: true, why: `the client ID equals the thing name ${JSON.stringify(thingName)}` };
}

function find(context: RequestContext, key: string): ContextValue | undefined {
  if (key in context) return context[key];

  const lower = key.toLowerCase();
  const match = Object.keys(context).find((k) => k.toLowerCase() === lower);
  return match === undefined ? undefined : context[match];
}

function single(value: string): KeyLookup {
  return { present: true, values: [value], multiValued: false };
}

function isRecord(value: ContextValue | undefined): value is Readonly<Record<string, string>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
