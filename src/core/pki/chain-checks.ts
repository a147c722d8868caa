/**
 * The checks each certificate on a path must pass (RFC 5280 §6.1.3 and §6.1.4), each written so
 * a learner can act on a failure: what was found, what was expected, and what to do.
 */
import type { Certificate } from './certificate.ts';
import { oidInfo, OID } from './object-identifier.ts';
import type { PathLink } from './chain-path.ts';

export const CHAIN_FAILURES = {
  'unknown-issuer': 'Unknown issuer',
  'bad-signature': 'Bad signature',
  expired: 'Expired',
  'not-yet-valid': 'Not yet valid',
  'issuer-not-ca': 'Issuer is not a CA',
  'key-usage': 'Key usage unfit for the role',
  'extended-key-usage': 'Extended key usage unfit for the role',
  'path-length-exceeded': 'Path length exceeded',
  'unknown-critical-extension': 'A critical extension the verifier does not know',
} as const;

export type ChainFailure = keyof typeof CHAIN_FAILURES;

export const CHAIN_CHECKS = [
  'issuer',
  'signature',
  'validity',
  'trust-anchor',
  'ca',
  'key-usage',
  'extended-key-usage',
  'path-length',
  'critical-extensions',
] as const;

export type ChainCheckName = (typeof CHAIN_CHECKS)[number];

/** What the leaf is verified for: a TLS client (a device), a TLS server (the broker), or anything. */
export const PURPOSES = ['client', 'server', 'any'] as const;

export type Purpose = (typeof PURPOSES)[number];

export interface ChainCheck {
  /** The subject of the certificate checked, RFC 2253 text. */
  subject: string;
  position: 'leaf' | 'intermediate' | 'trust anchor';
  check: ChainCheckName;
  passed: boolean;
  /** What was checked and found; for a failure, also what to do. */
  detail: string;
  failure?: ChainFailure;
  /** The short title of the failure, e.g. "Expired". */
  title?: string;
}

type Checked = Omit<ChainCheck, 'subject' | 'position'>;

const pass = (check: ChainCheckName, detail: string): Checked => ({ check, passed: true, detail });
const fail = (check: ChainCheckName, failure: ChainFailure, detail: string): Checked => ({
  check,
  passed: false,
  detail,
  failure,
  title: CHAIN_FAILURES[failure],
});

const iso = (date: Date) => date.toISOString().replace('.000', '');
const quoted = (c: Certificate) => `"${c.subject.text}"`;

export function issuerCheck(link: PathLink): Checked | undefined {
  const { certificate, issuer } = link;
  if (link.anchor) return undefined;
  if (link.issuerMissing) {
    if (certificate.selfIssued) {
      return fail(
        'issuer',
        'unknown-issuer',
        `unknown issuer: ${quoted(certificate)} is self-signed and is not one of the trusted CA ` +
          'certificates. Trust it explicitly (give it as a CA), or have it issued by a CA that is trusted.',
      );
    }
    return fail(
      'issuer',
      'unknown-issuer',
      `unknown issuer: the certificate was issued by "${certificate.issuer.text}", and no trusted CA ` +
        'certificate or chain certificate has that subject. Give that CA’s certificate as a trusted CA, ' +
        'or the intermediate that links to it in the chain.',
    );
  }
  return issuer ? pass('issuer', `issued by "${issuer.certificate.subject.text}"`) : undefined;
}

export function signatureCheck(link: PathLink): Checked | undefined {
  const issuer = link.issuer;
  if (!issuer) return undefined;
  if (issuer.signature.valid) {
    return pass(
      'signature',
      `${link.certificate.signatureAlgorithm.name} signature verifies with the key of ${quoted(issuer.certificate)}`,
    );
  }
  return fail(
    'signature',
    'bad-signature',
    `bad signature: the certificate names ${quoted(issuer.certificate)} as its issuer, but ` +
      `${issuer.signature.reason}. ` +
      'It was signed by another key under the same CA name, or changed after it was signed. Issue it again from the right CA.',
  );
}

export function validityCheck(certificate: Certificate, at: Date): Checked {
  const { notBefore, notAfter } = certificate.validity;
  if (at > notAfter) {
    return fail(
      'validity',
      'expired',
      `expired: it was valid until ${iso(notAfter)} (notAfter), and the verification time is ${iso(at)}. ` +
        'Issue a new certificate; an expired one cannot be made valid again.',
    );
  }
  if (at < notBefore) {
    return fail(
      'validity',
      'not-yet-valid',
      `not yet valid: it is valid from ${iso(notBefore)} (notBefore), and the verification time is ${iso(at)}. ` +
        'Check the clock of the device or the verifier, or wait until then.',
    );
  }
  return pass('validity', `valid from ${iso(notBefore)} to ${iso(notAfter)}`);
}

/** An issuer must be a CA whose key may sign certificates (RFC 5280 §4.2.1.9, §4.2.1.3). */
export function caChecks(issuer: Certificate, child: Certificate): Checked[] {
  const checks: Checked[] = [];
  const bc = issuer.extensions.basicConstraints;
  if (bc?.cA) checks.push(pass('ca', 'basicConstraints says CA:TRUE'));
  else if (issuer.version < 3 && issuer.selfIssued)
    checks.push(pass('ca', 'a v1 root, trusted as a CA by convention'));
  else {
    checks.push(
      fail(
        'ca',
        'issuer-not-ca',
        `issuer is not a CA: it signed ${quoted(child)}, but its basicConstraints ` +
          `${bc ? 'says CA:FALSE' : 'is missing'}. Only a CA certificate may sign certificates; issue ` +
          `${quoted(child)} from a root or intermediate CA instead.`,
      ),
    );
  }

  const usage = issuer.extensions.keyUsage;
  if (usage && !usage.includes('keyCertSign')) {
    checks.push(
      fail(
        'key-usage',
        'key-usage',
        `key usage unfit for a CA: its keyUsage is ${usage.join(', ') || 'empty'}, without keyCertSign, so ` +
          'its key may not sign certificates. Reissue the CA certificate with keyCertSign.',
      ),
    );
  } else if (usage) {
    checks.push(pass('key-usage', `keyUsage includes keyCertSign`));
  }
  return checks;
}

/** pathLenConstraint counts the non-self-issued intermediates below a CA (RFC 5280 §4.2.1.9). */
export function pathLengthCheck(links: PathLink[], index: number): Checked | undefined {
  const limit = links[index]!.certificate.extensions.basicConstraints?.pathLenConstraint;
  if (limit === undefined) return undefined;

  const below = links
    .slice(1, index)
    .filter((l) => !l.certificate.selfIssued)
    .map((l) => l.certificate);
  if (below.length <= limit) {
    return pass(
      'path-length',
      `allows ${limit} intermediate CA${limit === 1 ? '' : 's'} below it; there ${below.length === 1 ? 'is' : 'are'} ${below.length}`,
    );
  }
  return fail(
    'path-length',
    'path-length-exceeded',
    `path length exceeded: its pathLenConstraint is ${limit}, so at most ${limit} intermediate CA` +
      `${limit === 1 ? '' : 's'} may come below it, but the chain has ${below.length}: ` +
      `${below.map(quoted).join(', ')}. Issue the device certificate from a CA higher up, or reissue this CA with a larger pathLenConstraint.`,
  );
}

const PURPOSE_EKU = { client: 'clientAuth', server: 'serverAuth' } as const;
const PURPOSE_WORDS = {
  client: 'a device that authenticates with mutual TLS (a TLS client)',
  server: 'a TLS server such as the broker',
};

/** The leaf must be usable for the purpose (RFC 5280 §4.2.1.3, §4.2.1.12). */
export function leafUsageChecks(
  leaf: Certificate,
  purpose: 'client' | 'server' | 'any',
): Checked[] {
  if (purpose === 'any') return [];
  const checks: Checked[] = [];

  const usage = leaf.extensions.keyUsage;
  if (usage && !usage.includes('digitalSignature')) {
    checks.push(
      fail(
        'key-usage',
        'key-usage',
        `key usage unfit for the role: keyUsage is ${usage.join(', ') || 'empty'}, but ${PURPOSE_WORDS[purpose]} ` +
          'signs the TLS handshake, which needs digitalSignature. Issue the certificate again with the ' +
          `${purpose === 'client' ? 'device' : 'server'} role.`,
      ),
    );
  } else {
    checks.push(
      pass(
        'key-usage',
        usage ? `keyUsage includes digitalSignature` : 'no keyUsage: any use allowed',
      ),
    );
  }

  const wanted = PURPOSE_EKU[purpose];
  const eku = leaf.extensions.extKeyUsage;
  if (eku && !eku.includes(wanted) && !eku.includes(oidInfo(OID.anyExtendedKeyUsage).name)) {
    checks.push(
      fail(
        'extended-key-usage',
        'extended-key-usage',
        `extended key usage unfit for the role: extKeyUsage is ${eku.join(', ')}, but ${PURPOSE_WORDS[purpose]} ` +
          `needs ${wanted}. Issue the certificate again with the ${purpose === 'client' ? 'device' : 'server'} role.`,
      ),
    );
  } else {
    checks.push(
      pass(
        'extended-key-usage',
        eku ? `extKeyUsage includes ${wanted}` : 'no extKeyUsage: any purpose allowed',
      ),
    );
  }
  return checks;
}

const UNDERSTOOD: readonly string[] = [
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectAltName,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
];

/** RFC 5280 §4.2: a critical extension the verifier does not understand makes it reject. */
export function criticalExtensionsCheck(certificate: Certificate): Checked | undefined {
  const unknown = certificate.extensions.list.filter(
    (e) => e.critical && !UNDERSTOOD.includes(e.oid),
  );
  if (unknown.length === 0) return undefined;
  return fail(
    'critical-extensions',
    'unknown-critical-extension',
    `it marks ${unknown.map((e) => e.name).join(', ')} critical, and this verifier does not process ` +
      'that extension, so it must reject the certificate.',
  );
}
