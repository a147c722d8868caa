/**
 * subjectAltName entries a learner types (RFC 5280 §4.2.1.6): `localhost`, `127.0.0.1`, `::1`,
 * or with an explicit `DNS:` or `IP:` prefix as OpenSSL writes them.
 */
import type { SubjectAltNameEntry } from './certificate-template.ts';
import { PkiError } from './pki-problem.ts';

const DNS_NAME =
  /^(\*\.)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function parseSubjectAltName(text: string): SubjectAltNameEntry {
  const prefixed = /^(DNS|IP):(.*)$/i.exec(text.trim());
  const value = (prefixed ? prefixed[2]! : text).trim();
  const kind = prefixed
    ? prefixed[1]!.toUpperCase()
    : IPV4.test(value) || value.includes(':')
      ? 'IP'
      : 'DNS';

  if (kind === 'IP' && (IPV4.test(value) || isIpv6(value))) return { type: 'ip', value };
  if (kind === 'DNS' && DNS_NAME.test(value)) return { type: 'dns', value: value.toLowerCase() };

  throw new PkiError(
    'subject-alt-name-invalid',
    `"${text}" is not a ${kind === 'IP' ? 'valid IP address' : 'valid DNS name'}. Give a host name such as ` +
      'broker.local or localhost, or an IP address such as 127.0.0.1 or ::1.',
  );
}

function isIpv6(value: string): boolean {
  if (!/^[0-9A-Fa-f:]+$/.test(value) || (value.match(/::/g) ?? []).length > 1) return false;
  const groups = value.split(':').filter((g) => g !== '');
  const compressed = value.includes('::');
  return (
    groups.every((g) => g.length <= 4) && (compressed ? groups.length < 8 : groups.length === 8)
  );
}
