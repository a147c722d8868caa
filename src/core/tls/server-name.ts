/**
 * Does the broker's certificate name the host the device dialled? RFC 6125 §6: compare the
 * name with the subjectAltName's DNS names (or, for an IP address, its iPAddress entries),
 * case-insensitively; a `*` may stand for the whole leftmost label only (§6.4.3). The subject's
 * CN is not consulted: TLS clients of today ignore it once subjectAltName is present, and
 * RFC 9525 drops it altogether.
 */
import type { Certificate } from '../pki/certificate.ts';

/** The names the lab's broker certificates list, in both labs: a device dials one of them. */
export const LAB_SERVER_NAMES = ['localhost', '127.0.0.1'] as const;

/** The name a device dials when none is given. */
export const DEFAULT_SERVER_NAME = 'localhost';

export interface ServerNameCheck {
  matched: boolean;
  /** What the certificate lists, as `DNS:localhost`, `IP:127.0.0.1`. */
  listed: string[];
  /** The entry that matched, when one did. */
  match?: string;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function isIpAddress(name: string): boolean {
  return IPV4.test(name) || name.includes(':');
}

export function checkServerName(certificate: Certificate, dialled: string): ServerNameCheck {
  const entries = certificate.extensions.subjectAltName ?? [];
  const listed = entries
    .filter((e) => e.type === 'dns' || e.type === 'ip')
    .map((e) => `${e.type === 'dns' ? 'DNS' : 'IP'}:${e.value}`);
  const wanted = dialled
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

  const ip = isIpAddress(wanted);
  const found = entries.find((entry) =>
    ip
      ? entry.type === 'ip' && entry.value.toLowerCase() === wanted
      : entry.type === 'dns' && dnsMatches(entry.value.toLowerCase().replace(/\.$/, ''), wanted),
  );
  return found
    ? { matched: true, listed, match: `${found.type === 'dns' ? 'DNS' : 'IP'}:${found.value}` }
    : { matched: false, listed };
}

function dnsMatches(pattern: string, name: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === name;

  const [first, ...rest] = name.split('.');
  // The wildcard covers exactly one label, and never the last two (no `*.com`).
  return (
    first !== undefined && first !== '' && rest.length >= 2 && rest.join('.') === pattern.slice(2)
  );
}
