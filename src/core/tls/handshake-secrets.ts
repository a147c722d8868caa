/**
 * The fresh values of one modelled handshake: randoms (RFC 8446 §4.1.2), key-share points and
 * the Finished messages (§4.4.4). The points are real P-256 public keys, but the model derives
 * no secret from them, so each Finished key is random: the MAC is real, its key is not TLS's.
 */
import { toHex } from '../pki/bytes.ts';
import type { Bytes, CryptoPort } from '../pki/crypto-port.ts';
import { generateKeyPair } from '../pki/key-pair.ts';
import type { Side } from './handshake-report.ts';
import { hmacSha256 } from './hmac.ts';
import type { StepInput } from './report-builder.ts';
import type { Transcript } from './transcript.ts';

export function randomBytes(crypto: CryptoPort, length = 32): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** An uncompressed P-256 point (0x04 || x || y): the end of a fresh SubjectPublicKeyInfo. */
export async function keyShare(crypto: CryptoPort): Promise<Bytes> {
  const { spki } = await generateKeyPair(crypto, 'P-256');
  return spki.slice(spki.length - 65);
}

/** Finished: HMAC over the transcript hash; the receiver recomputes it and compares. */
export async function finishedMessage(
  crypto: CryptoPort,
  from: Side,
  transcript: Transcript,
): Promise<StepInput> {
  const finishedKey = randomBytes(crypto);
  const verifyData = await hmacSha256(crypto, finishedKey, await transcript.hash());
  const recomputed = await hmacSha256(crypto, finishedKey, await transcript.hash());
  const matches = toHex(recomputed) === toHex(verifyData);

  return {
    message: 'Finished',
    from,
    summary:
      `The ${from === 'server' ? 'broker' : 'device'} closes its side of the handshake with a MAC over the whole transcript, ` +
      'so any message changed on the way would be noticed.',
    carries: [['verify_data', toHex(verifyData)]],
    checks: [
      {
        by: from === 'server' ? 'client' : 'server',
        what: 'verify_data over the transcript',
        passed: matches,
        detail:
          'HMAC-SHA-256 over the transcript hash matches. (Modelled key: random for this handshake; real TLS derives it from the key exchange with HKDF.)',
      },
    ],
    transcriptHash: await transcript.add('Finished', [['verify_data', verifyData]]),
  };
}
