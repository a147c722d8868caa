import type { KeyAlgorithm } from '../../core/pki/index.ts';
import { median } from './measure.ts';

export interface CryptoTiming {
  label: string;
  runs: number[];
  median: number;
}

/**
 * Time to make a key pair with WebCrypto and a device certificate signed by a lab CA of the
 * same kind: what a learner waits for in the certificate workshop.
 */
export async function timeKeyAndCertificate(
  algorithm: KeyAlgorithm,
  runs: number,
): Promise<CryptoTiming> {
  const pki = await import('../../core/pki/index.ts');
  const crypto = globalThis.crypto;
  const { signer } = await pki.createLabCa(crypto, { algorithm });
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const keyPair = await pki.generateKeyPair(crypto, algorithm);
    await pki.issueCertificate(crypto, {
      role: 'device',
      subject: { CN: `bench-${i}` },
      publicKey: keyPair,
      issuer: signer,
    });
    times.push(performance.now() - started);
  }
  return {
    label: `WebCrypto ${algorithm} key + signed device certificate`,
    runs: times,
    median: median(times),
  };
}

/** node-forge's pure-JavaScript RSA-2048 key generation, for comparison with WebCrypto. */
export async function timeForgeRsaKeygen(runs: number): Promise<CryptoTiming> {
  const { default: forge } = await import('node-forge');
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      // workers: -1 would spawn workers from a script URL the site does not ship.
      forge.pki.rsa.generateKeyPair({ bits: 2048, workers: 0 }, (error) =>
        error ? reject(error) : resolve(),
      );
    });
    times.push(performance.now() - started);
  }
  return { label: 'node-forge RSA-2048 key (pure JavaScript)', runs: times, median: median(times) };
}
