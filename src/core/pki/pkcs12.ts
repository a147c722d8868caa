/**
 * PKCS #12 (RFC 7292): a key and its certificates in one password-protected file, the form
 * Windows, Java and some device SDKs load. node-forge writes it; forge handles RSA only.
 */
import type { Bytes } from './crypto-port.ts';
import type { KeyPair } from './key-pair.ts';
import { PkiError } from './pki-problem.ts';

export interface Pkcs12Options {
  keyPair: KeyPair;
  /** The key's certificate first, then its CA certificates. */
  certificates: Bytes[];
  password: string;
  /** A label some tools show, such as the thing name. */
  friendlyName?: string;
}

export async function exportPkcs12(options: Pkcs12Options): Promise<Bytes> {
  if (options.password === '') {
    throw new PkiError(
      'pkcs12-password-empty',
      'Give a password: the PKCS #12 file holds the private key.',
    );
  }
  const { createPkcs12 } = await import('./forge-adapter.ts');
  return createPkcs12(options);
}
