import { useEffect, useState } from 'preact/hooks';

/** The certificate core: the decoder, the issuer and the chain verifier (src/core/pki). */
export type Pki = typeof import('../../core/pki/index.ts');

let loading: Promise<Pki> | null = null;

/**
 * The PKI core, loaded on first use so that a lesson page ships none of it up front; node-forge
 * and @peculiar/x509 load later still, when a certificate is first made.
 */
export function loadPki(): Promise<Pki> {
  loading ??= import('../../core/pki/index.ts').catch((error: unknown) => {
    // A failed chunk load (offline, a new deploy) may succeed on the next try.
    loading = null;
    throw new Error(
      `The certificate tools could not be loaded (${String(error)}). Check the connection and ` +
        'reload the page; what you typed is kept.',
    );
  });
  return loading;
}

export type PkiLoad = { pki: Pki; error?: undefined } | { pki: null; error: string | null };

/** The PKI core once it has loaded, or the reason it could not be; loading starts on mount. */
export function usePki(): PkiLoad {
  const [state, setState] = useState<PkiLoad>({ pki: null, error: null });
  useEffect(() => {
    let live = true;
    loadPki().then(
      (pki) => live && setState({ pki }),
      (error: Error) => live && setState({ pki: null, error: error.message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** The browser's WebCrypto, as the core's CryptoPort. */
export function webCrypto(): import('../../core/pki/index.ts').CryptoPort {
  return globalThis.crypto as unknown as import('../../core/pki/index.ts').CryptoPort;
}
