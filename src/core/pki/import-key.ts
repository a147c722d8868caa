/** Loading a private key a learner already has: PEM or DER, PKCS #8, PKCS #1 or SEC1, or encrypted. */
import type { CryptoPort } from './crypto-port.ts';
import { decodePki, type DecodeOptions } from './decode.ts';
import { keyPairFromPkcs8, type KeyPair } from './key-pair.ts';
import { PkiError, STAGE_TITLES } from './pki-problem.ts';
import type { PrivateKey } from './private-key.ts';

export async function importPrivateKey(
  crypto: CryptoPort,
  input: string | Uint8Array,
  options: DecodeOptions = {},
): Promise<KeyPair> {
  const result = await decodePki(input, options);
  const rejected = result.blocks.find((b) => b.status === 'rejected');
  let key: PrivateKey | undefined;
  for (const block of result.blocks) {
    if (block.status !== 'decoded') continue;
    const object = block.object;
    if (object.kind === 'private-key') key ??= object;
    if (object.kind === 'encrypted-private-key') {
      if (!object.decrypted) {
        const wrong = options.password !== undefined;
        throw new PkiError(
          'wrong-password',
          wrong
            ? 'The password does not decrypt the private key. Check it and try again.'
            : 'The private key is encrypted: give its password.',
        );
      }
      key ??= object.decrypted;
    }
  }

  if (!key) {
    const why =
      rejected?.status === 'rejected'
        ? ` (${STAGE_TITLES[rejected.problem.stage]}: ${rejected.problem.message})`
        : '';
    throw new PkiError('not-decodable', `No private key found in the input${why}.`);
  }
  if (!key.pkcs8) {
    throw new PkiError(
      'unsupported-key',
      `The key is ${key.description}, which WebCrypto cannot import. ${key.notes.join(' ')}`,
    );
  }
  return keyPairFromPkcs8(crypto, key.pkcs8, key.description);
}
