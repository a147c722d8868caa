/**
 * Where a native client reaches the lab server's MQTT over mutual TLS, from what /api/lab says:
 * the host it binds (a wildcard address means "use the name this page was opened with") and
 * the mutual TLS port (8883 unless --mtls-port changed it).
 */

export interface TlsEndpoint {
  host: string;
  port: number;
  /** True when read from the lab server; false for the defaults. */
  fromLab: boolean;
}

export const DEFAULT_TLS_ENDPOINT: TlsEndpoint = { host: 'localhost', port: 8883, fromLab: false };

/** The lab server's mutual TLS endpoint; the defaults when /api/lab does not answer or say. */
export async function labTlsEndpoint(origin: string, pageHost: string): Promise<TlsEndpoint> {
  try {
    const response = await fetch(new URL('/api/lab', origin), { cache: 'no-store' });
    if (!response.ok) return DEFAULT_TLS_ENDPOINT;
    return endpointFromInfo((await response.json()) as unknown, pageHost);
  } catch {
    // No lab server answered (a static host): the snippets keep the defaults.
    return DEFAULT_TLS_ENDPOINT;
  }
}

/** Reads the host and mutual TLS port out of /api/lab's answer. */
export function endpointFromInfo(info: unknown, pageHost: string): TlsEndpoint {
  const mqtt = (info as { mqtt?: Record<string, unknown> } | null)?.mqtt ?? {};
  const mtls = (info as { mtls?: Record<string, unknown> } | null)?.mtls ?? {};
  const port = [mtls['port'], mqtt['mtlsPort'], mqtt['tlsPort']].find(isPort);
  const bound = typeof mqtt['host'] === 'string' ? mqtt['host'] : '127.0.0.1';
  return { host: dialName(bound, pageHost), port: port ?? 8883, fromLab: port !== undefined };
}

/**
 * The name to dial. The lab's server certificate lists localhost and 127.0.0.1 (and --host's
 * address), so a loopback bind becomes localhost and a wildcard bind the page's own host name.
 */
function dialName(bound: string, pageHost: string): string {
  if (bound === '127.0.0.1' || bound === '::1' || bound === 'localhost') return 'localhost';
  if (bound === '0.0.0.0' || bound === '::')
    return pageHost === '127.0.0.1' ? 'localhost' : pageHost;
  return bound;
}

function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 65536;
}
