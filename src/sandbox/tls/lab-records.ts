/**
 * The lab server's record of a mutual TLS connection, read over HTTP (GET /api/tls/connections)
 * by a probe in another process, such as `handshake tls probe` in a learner's terminal.
 */
import type { LabRecords } from './handshake-probe.ts';
import type { TlsDecision } from './tls-decision.ts';

/** The lab's records over HTTP; a broker that is not the lab simply has none. */
export function labOverHttp(base: string): LabRecords {
  return {
    source: `the lab server's record (${base}/api/tls/connections)`,
    async decision(from) {
      const url = new URL('/api/tls/connections', base);
      url.searchParams.set('from', `${from.address}:${from.port}`);
      // The lab records a decision before the device can see it; a short retry covers a slow log.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const response = await fetch(url, { signal: AbortSignal.timeout(1500) }).catch(
          (error: Error) => {
            throw new Error(`${base} did not answer (${error.message})`);
          },
        );
        if (response.ok) return (await response.json()) as TlsDecision;
        if (response.status !== 404) throw new Error(`${url} answered ${response.status}`);
        await new Promise((wake) => setTimeout(wake, 150));
      }
      return null;
    },
  };
}
