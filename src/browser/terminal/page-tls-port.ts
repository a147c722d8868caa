/**
 * The terminal's TlsPort in the page: a mutual TLS attempt with the lab behind the page's broker.
 * The in-page lab runs the core's model of TLS 1.3 in its worker; the lab server runs a real
 * handshake with its own mutual TLS listener (POST /api/tls/probe). Loaded on first use.
 */
import type { HandshakeReport } from '../../core/tls/handshake-report.ts';
import { NO_REGISTRY } from '../../core/shell/registry-port.ts';
import type { TlsAttempt, TlsDevice, TlsPort } from '../../core/shell/tls-port.ts';
import { brokerChoice } from '../connection/broker-choice.ts';

export function pageTlsPort(): TlsPort {
  return {
    async handshake(device) {
      const { current } = await brokerChoice();
      if (current.kind === 'in-page') {
        const { probeInPageTls } = await import('../in-page-lab/in-page-tls.ts');
        const report = await probeInPageTls(device);
        return { ok: true, report, label: current.label, address: 'in-page-lab.local:8883' };
      }
      if (current.kind === 'lab-server') return probeLabServer(current.url, current.label, device);

      return { ok: false, why: `${current.label} is not a lab broker: ${NO_REGISTRY}` };
    },
  };
}

async function probeLabServer(url: string, label: string, device: TlsDevice): Promise<TlsAttempt> {
  const origin = new URL(url).origin.replace(/^ws/, 'http');
  const response = await fetch(new URL('/api/tls/probe', origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(device),
  }).catch((error: Error) => error);
  if (response instanceof Error) {
    return {
      ok: false,
      why: `the lab server at ${origin} did not answer (${response.message}); is npm start still running?`,
    };
  }

  const body = (await response.json().catch(() => null)) as
    | HandshakeReport
    | { error?: string }
    | null;
  if (!response.ok || !body || !('steps' in body)) {
    const said = body && 'error' in body && body.error ? body.error : `HTTP ${response.status}`;
    return { ok: false, why: `the lab server refused the probe: ${said}` };
  }
  return { ok: true, report: body, label, address: await listenerAddress(origin) };
}

/** Where the lab server's mutual TLS listener is, as /api/lab says (`host:mtlsPort`). */
async function listenerAddress(origin: string): Promise<string> {
  const info = (await fetch(new URL('/api/lab', origin))
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null)) as { mqtt?: { host: string; mtlsPort?: number } } | null;
  const mqtt = info?.mqtt;
  return mqtt?.mtlsPort
    ? `${mqtt.host}:${mqtt.mtlsPort}`
    : `${new URL(origin).hostname} (mutual TLS port)`;
}
