/**
 * The extensions each kind of certificate gets (RFC 5280 §4.2.1): what makes a root or an
 * intermediate a CA, a device certificate fit for TLS client authentication, and a server
 * certificate fit for TLS server authentication with the names clients dial.
 */
import type { KeyUsageName } from './extensions.ts';

export const CERTIFICATE_ROLES = ['root-ca', 'intermediate-ca', 'device', 'server'] as const;

export type CertificateRole = (typeof CERTIFICATE_ROLES)[number];

export interface RoleProfile {
  cA: boolean;
  keyUsage: KeyUsageName[];
  extKeyUsage?: ('serverAuth' | 'clientAuth')[];
  /** Default validity in days. */
  validityDays: number;
  /** What the certificate is for, in a sentence. */
  purpose: string;
}

export const ROLE_PROFILES: Record<CertificateRole, RoleProfile> = {
  'root-ca': {
    cA: true,
    keyUsage: ['keyCertSign', 'cRLSign'],
    validityDays: 3650,
    purpose: 'A root CA: trusted as it is, it signs other certificates.',
  },
  'intermediate-ca': {
    cA: true,
    keyUsage: ['digitalSignature', 'keyCertSign', 'cRLSign'],
    validityDays: 1825,
    purpose: 'An intermediate CA: signed by the root, it signs device certificates.',
  },
  device: {
    cA: false,
    keyUsage: ['digitalSignature'],
    extKeyUsage: ['clientAuth'],
    validityDays: 365,
    purpose: 'A device certificate: the device proves who it is in mutual TLS.',
  },
  server: {
    cA: false,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extKeyUsage: ['serverAuth'],
    validityDays: 365,
    purpose: 'A server certificate: the broker proves its name to connecting clients.',
  },
};

export function isCertificateRole(value: string): value is CertificateRole {
  return (CERTIFICATE_ROLES as readonly string[]).includes(value);
}
