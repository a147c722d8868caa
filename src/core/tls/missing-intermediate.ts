/**
 * Telling "issued by a CA you do not trust" from "the device forgot its intermediate": both are
 * unknown_ca on the wire. When a CA certificate the model knows of (one the device holds but did
 * not send) links the leaf to a trusted CA, the chain was only incomplete.
 */
import type { Certificate } from '../pki/certificate.ts';
import type { CryptoPort } from '../pki/crypto-port.ts';
import { verifyChain } from '../pki/verify-chain.ts';

export async function explainUnknownIssuer(
  crypto: CryptoPort,
  input: { chain: Certificate[]; trustAnchors: Certificate[]; at: Date; known: Certificate[] },
): Promise<string | null> {
  if (input.known.length === 0) return null;

  const [leaf, ...sent] = input.chain;
  const completed = await verifyChain(crypto, {
    leaf: leaf!,
    intermediates: [...sent, ...input.known],
    trustAnchors: input.trustAnchors,
    at: input.at,
    purpose: 'any',
  });
  const reachesAnchor = !completed.failures.some((f) => f.failure === 'unknown-issuer');
  const added = completed.path.slice(1, -1).filter((ca) => !sent.some((s) => s === ca));
  if (!reachesAnchor || added.length === 0) return null;

  const names = added.map((ca) => `"${ca.subject.text}"`).join(', ');
  const anchor = completed.path[completed.path.length - 1]!;
  return (
    `The device's certificate was issued by the intermediate CA ${names}, which chains to the registered ` +
    `CA "${anchor.subject.text}", but the device did not send the intermediate, so the broker cannot link ` +
    'the certificate to a CA it trusts. Send the chain: the device certificate followed by the intermediate.'
  );
}
