import { useEffect, useState } from 'preact/hooks';
import type { Certificate, Fingerprints } from '../../core/pki/index.ts';
import { loadPki, webCrypto } from './load-pki.ts';

/** The certificate's fingerprints and AWS-style ID, hashed with WebCrypto after it renders. */
export function useFingerprints(certificate: Certificate | null): Fingerprints | null {
  const [result, setResult] = useState<{ der: Uint8Array; value: Fingerprints } | null>(null);

  useEffect(() => {
    if (!certificate) return;
    let live = true;
    void loadPki()
      .then((pki) => pki.fingerprints(webCrypto(), certificate.der))
      .then((value) => live && setResult({ der: certificate.der, value }));
    return () => {
      live = false;
    };
  }, [certificate]);

  return result && certificate && result.der === certificate.der ? result.value : null;
}
