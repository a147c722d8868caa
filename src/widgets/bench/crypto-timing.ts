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
  // forge.options is real (lib/forge.js) but missing from @types/node-forge.
  const options = (forge as unknown as { options: { usePureJavaScript: boolean } }).options;
  const times: number[] = [];
  // forge quietly hands key generation to WebCrypto when the page has it; this measures
  // forge's own JavaScript, as in a runtime without WebCrypto.
  const usedPureJavaScript = options.usePureJavaScript;
  options.usePureJavaScript = true;
  try {
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      // The synchronous form: forge's callback form steps through timers and, in a
      // background tab, can be throttled far beyond the work itself.
      forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
      times.push(performance.now() - started);
      // Let the page paint between runs.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    options.usePureJavaScript = usedPureJavaScript;
  }
  return { label: 'node-forge RSA-2048 key (pure JavaScript)', runs: times, median: median(times) };
}
