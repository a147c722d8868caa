/**
 * Verifying a certificate chain the way a broker does at the TLS handshake, listing every check
 * with its result: build the path, then for each certificate check its issuer, signature,
 * validity at the given time, the issuers' CA rights and path lengths, and the leaf's purpose.
 */
import type { CryptoPort } from './crypto-port.ts';
import type { Certificate } from './certificate.ts';
import {
  caChecks,
  criticalExtensionsCheck,
  issuerCheck,
  leafUsageChecks,
  pathLengthCheck,
  signatureCheck,
  validityCheck,
  type ChainCheck,
  type Purpose,
} from './chain-checks.ts';
import { buildPath, type PathLink } from './chain-path.ts';

export interface ChainInput {
  /** The leaf, or a chain file's certificates in any order; the leaf is found among them. */
  leaf: Certificate | Certificate[];
  /** Intermediate CA certificates, in any order. */
  intermediates?: Certificate[];
  /** Certificates trusted as they are: the CAs registered with the broker. */
  trustAnchors: Certificate[];
  /** Default: now. */
  at?: Date;
  /** Default: client, what a device certificate is for. */
  purpose?: Purpose;
}

export interface ChainVerification {
  valid: boolean;
  at: Date;
  purpose: Purpose;
  /** Leaf first; ends with a trust anchor when one was reached. */
  path: Certificate[];
  /** Every check, leaf first, in the order they ran. */
  checks: ChainCheck[];
  failures: ChainCheck[];
  notes: string[];
}

export async function verifyChain(
  crypto: CryptoPort,
  input: ChainInput,
): Promise<ChainVerification> {
  const at = input.at ?? new Date();
  const purpose = input.purpose ?? 'client';
  const given = [
    ...(Array.isArray(input.leaf) ? input.leaf : [input.leaf]),
    ...(input.intermediates ?? []),
  ];

  const { links, notes } = await buildPath(crypto, given, input.trustAnchors);
  const checks = links.flatMap((_, index) => checksFor(links, index, at, purpose));
  if (links[0]?.anchor) notes.push('The certificate is itself one of the trusted certificates.');

  const failures = checks.filter((c) => !c.passed);
  return {
    valid: failures.length === 0,
    at,
    purpose,
    path: links.map((l) => l.certificate),
    checks,
    failures,
    notes,
  };
}

function checksFor(links: PathLink[], index: number, at: Date, purpose: Purpose): ChainCheck[] {
  const link = links[index]!;
  const { certificate } = link;
  const position = index === 0 ? 'leaf' : link.anchor ? 'trust anchor' : 'intermediate';
  const child = links[index - 1]?.certificate;

  const results = [
    issuerCheck(link),
    signatureCheck(link),
    validityCheck(certificate, at),
    link.anchor
      ? {
          check: 'trust-anchor' as const,
          passed: true,
          detail: 'trusted: it is one of the given CA certificates',
        }
      : undefined,
    ...(child ? caChecks(certificate, child) : []),
    child ? pathLengthCheck(links, index) : undefined,
    ...(index === 0 ? leafUsageChecks(certificate, purpose) : []),
    link.anchor ? undefined : criticalExtensionsCheck(certificate),
  ];
  return results
    .filter((r) => r !== undefined)
    .map((r) => ({ subject: certificate.subject.text, position, ...r }));
}
