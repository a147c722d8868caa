/**
 * The TLS runner and the connection doctor, loaded on first use so that a lesson page ships
 * none of the handshake model (or the certificate code under it) up front.
 */
export type Tls = typeof import('./tls-runtime.ts');

let loading: Promise<Tls> | null = null;

export function loadTls(): Promise<Tls> {
  loading ??= import('./tls-runtime.ts').catch((error: unknown) => {
    // A failed chunk load (offline, a new deploy) may succeed on the next try.
    loading = null;
    throw new Error(
      `The handshake tools could not be loaded (${String(error)}). Check the connection and reload the page.`,
    );
  });
  return loading;
}
