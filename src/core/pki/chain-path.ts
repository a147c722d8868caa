/**
 * Building a certification path (RFC 5280 §6.1): from the leaf, find each issuer by name (and
 * key identifier) among the chain and the trust anchors, keeping the one whose key verifies the
 * signature. Certificates given in another order are put in order, with a note saying so.
 */
import { equalBytes } from './bytes.ts';
import type { CryptoPort } from './crypto-port.ts';
import type { Certificate } from './certificate.ts';
import { sameName } from './distinguished-name.ts';
import { verifySignature, type SignatureCheck } from './signature.ts';

/** One link: a certificate, and how its issuer was found. */
export interface PathLink {
  certificate: Certificate;
  /** A trust anchor ends the path. */
  anchor: boolean;
  /** For every link but an anchor: its issuer, and whether the issuer's key verifies it. */
  issuer?: { certificate: Certificate; signature: SignatureCheck };
  /** Why the path stops here without an anchor: no certificate has the issuer's name. */
  issuerMissing?: boolean;
}

export interface PathResult {
  links: PathLink[];
  notes: string[];
}

export async function buildPath(
  crypto: CryptoPort,
  given: Certificate[],
  trustAnchors: Certificate[],
): Promise<PathResult> {
  const pool = unique(given);
  const leaf = findLeaf(pool);
  const links: PathLink[] = [];
  const notes: string[] = [];

  for (let current: Certificate | undefined = leaf; current; ) {
    const anchor = trustAnchors.some((a) => equalBytes(a.der, current!.der));
    const link: PathLink = { certificate: current, anchor };
    links.push(link);
    if (anchor) break;

    const onPath = links.map((l) => l.certificate);
    const candidates = issuerCandidates(current, [...trustAnchors, ...pool], onPath);
    if (candidates.length === 0) {
      link.issuerMissing = true;
      break;
    }

    const checked = await firstVerifying(crypto, current, candidates);
    link.issuer = checked;
    current = checked.signature.valid ? checked.certificate : undefined;
  }

  notes.push(...orderNotes(given, links), ...unusedNotes(pool, links));
  return { links, notes };
}

function unique(certificates: Certificate[]): Certificate[] {
  return certificates.filter(
    (c, i) => certificates.findIndex((d) => equalBytes(c.der, d.der)) === i,
  );
}

/** The one certificate in the pool that issued none of the others; the first given, if unclear. */
function findLeaf(pool: Certificate[]): Certificate {
  const issuesAnother = (c: Certificate) =>
    pool.some((other) => other !== c && !other.selfIssued && sameName(other.issuer, c.subject));
  return pool.find((c) => !issuesAnother(c)) ?? pool[0]!;
}

function issuerCandidates(
  child: Certificate,
  everyone: Certificate[],
  onPath: Certificate[],
): Certificate[] {
  const byName = unique(everyone).filter(
    (c) => sameName(c.subject, child.issuer) && !onPath.some((p) => equalBytes(p.der, c.der)),
  );
  // RFC 5280 §4.2.1.1: the authorityKeyIdentifier picks among CAs with the same name.
  const wanted = child.extensions.authorityKeyIdentifier;
  return [...byName].sort((a, b) => matchesKey(b, wanted) - matchesKey(a, wanted));
}

function matchesKey(candidate: Certificate, keyId: string | undefined): number {
  return keyId !== undefined && candidate.extensions.subjectKeyIdentifier === keyId ? 1 : 0;
}

async function firstVerifying(crypto: CryptoPort, child: Certificate, candidates: Certificate[]) {
  let first: { certificate: Certificate; signature: SignatureCheck } | undefined;
  for (const candidate of candidates) {
    const signature = await verifySignature(crypto, {
      spki: candidate.publicKey.spki,
      algorithm: child.signatureAlgorithm,
      signature: child.signatureValue,
      data: child.tbs,
      signer: `the key of "${candidate.subject.text}"`,
    });
    if (signature.valid) return { certificate: candidate, signature };
    first ??= { certificate: candidate, signature };
  }
  return first!;
}

/** A note when the chain was given in another order than leaf first, each followed by its issuer. */
function orderNotes(given: Certificate[], links: PathLink[]): string[] {
  const placed = links.filter(
    (l) => !l.anchor || given.some((g) => equalBytes(g.der, l.certificate.der)),
  );
  const givenOrder = given.filter((g) => placed.some((l) => equalBytes(l.certificate.der, g.der)));
  const inOrder = givenOrder.every((g, i) =>
    equalBytes(g.der, placed[i]?.certificate.der ?? new Uint8Array()),
  );
  if (inOrder || givenOrder.length < 2) return [];

  const names = (list: Certificate[]) => list.map((c) => `"${c.subject.text}"`).join(', ');
  return [
    `The certificates were given in the order ${names(givenOrder)}; they were put in order from the ` +
      `leaf up: ${names(placed.map((l) => l.certificate))}. TLS sends them leaf first, each followed by its issuer.`,
  ];
}

function unusedNotes(pool: Certificate[], links: PathLink[]): string[] {
  return pool
    .filter((c) => !links.some((l) => equalBytes(l.certificate.der, c.der)))
    .map(
      (c) =>
        `"${c.subject.text}" was given but is not part of the path from the leaf; it was ignored.`,
    );
}
