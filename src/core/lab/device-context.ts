/**
 * The request context AWS IoT builds for a device at CONNECT (spec §5: `basic-policy-variables`,
 * `thing-policy-variables`, `cert-policy-variables`): the client ID, the certificate's ID,
 * serial and names, and the registry thing linked to the connection, when one is.
 */
import type { RequestContext } from '../policy/request-context.ts';
import { buildArn } from '../policy/resource-arn.ts';
import type { DeviceIdentity } from '../tls/handshake-report.ts';
import type { ConnectionFacts } from './iot-registry.ts';

/** RFC 4514 short names, as subjects print, and the names AWS IoT's variables use. */
const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  CN: 'CommonName',
  O: 'Organization',
  OU: 'OrganizationalUnit',
  C: 'Country',
  ST: 'State',
  SERIALNUMBER: 'SerialNumber',
  TITLE: 'Title',
  SN: 'Surname',
  GN: 'GivenName',
  GIVENNAME: 'GivenName',
  INITIALS: 'Initials',
  PSEUDONYM: 'Pseudonym',
  GENERATIONQUALIFIER: 'GenerationQualifier',
  DNQUALIFIER: 'DistinguishedNameQualifier',
};

/** What the CONNECT packet said beyond the client ID, for `iot:ConnectAttributes` (spec §5.4). */
export interface ConnectFlags {
  /** False asks for a persistent session. */
  cleanSession?: boolean;
  /** The will's topic, when the CONNECT set one. */
  willTopic?: string;
}

export function deviceRequestContext(
  identity: DeviceIdentity,
  connection: { clientId: string; address: string } & ConnectFlags,
  facts: Pick<ConnectionFacts, 'thing'>,
): RequestContext {
  const context: Record<string, RequestContext[string]> = {
    'iot:ClientId': connection.clientId,
    'iot:CertificateId': identity.certificateId,
    'iot:Certificate.SerialNumber': identity.serialNumber,
    ...nameKeys('Subject', identity.subject),
    ...nameKeys('Issuer', identity.issuer),
    'iot:Connection.Thing.IsAttached': facts.thing ? 'true' : 'false',
    'iot:ConnectAttributes': connectAttributes(connection),
  };
  if (connection.willTopic !== undefined)
    context['iot:LastWillTopic'] = buildArn('topic', connection.willTopic);
  // The handshake's own list keeps the certificate's order even when the text is ambiguous.
  if (identity.commonNames.length > 0)
    context['iot:Certificate.Subject.CommonName'] = identity.commonNames;

  const ip = sourceIp(connection.address);
  if (ip) context['aws:SourceIp'] = ip;

  const thing = facts.thing;
  if (thing) {
    context['iot:Connection.Thing.ThingName'] = thing.thingName;
    context['iot:Connection.Thing.Attributes'] = thing.attributes;
    if (thing.thingTypeName) context['iot:Connection.Thing.ThingTypeName'] = thing.thingTypeName;
  }
  return context;
}

/** `PersistentConnect` for cleanSession=0 and `LastWill` for a will; a plain CONNECT has none. */
function connectAttributes(flags: ConnectFlags): string[] {
  const attributes: string[] = [];
  if (flags.cleanSession === false) attributes.push('PersistentConnect');
  if (flags.willTopic !== undefined) attributes.push('LastWill');
  return attributes;
}

/**
 * `iot:Certificate.Subject.<Attribute>` keys, each an array in certificate order. The text is
 * RFC 2253, which writes the last name first, so the list is read backwards.
 */
function nameKeys(part: 'Subject' | 'Issuer', text: string): Record<string, string[]> {
  const keys: Record<string, string[]> = {};
  for (const rdn of splitUnescaped(text, ',').reverse()) {
    const equals = rdn.indexOf('=');
    const name = ATTRIBUTE_NAMES[rdn.slice(0, equals).trim().toUpperCase()];
    if (equals < 1 || !name) continue;

    const key = `iot:Certificate.${part}.${name}`;
    (keys[key] ??= []).push(unescape(rdn.slice(equals + 1)));
  }
  return keys;
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1];
      i += 1;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  if (current !== '') parts.push(current);
  return parts;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** The IP of `host:port` or `[v6]:port`; nothing for "this page" and the like. */
function sourceIp(address: string): string | undefined {
  const v6 = /^\[([0-9a-fA-F:.]+)\]:\d+$/.exec(address);
  if (v6) return v6[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4?.[1];
}
