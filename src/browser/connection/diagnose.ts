import { ConnectError } from './connection.ts';

const PROBE_TIMEOUT_MS = 4000;

/**
 * A page is told only that a WebSocket failed, never why. This narrows it down as far as a
 * browser can: a ws:// address from an https page is blocked outright; an address that answers
 * plain HTTP(S) but not the upgrade is reachable but has no MQTT over WebSocket at that path;
 * one that does not answer at all is wrong, down or blocked.
 */
export async function diagnoseWebSocketFailure(
  url: string,
  pageProtocol: string,
): Promise<ConnectError> {
  const address = new URL(url);
  if (pageProtocol === 'https:' && address.protocol === 'ws:') {
    return new ConnectError(
      'address',
      'A secure page cannot open ws://',
      `This page was loaded over https, so the browser blocks the unencrypted address ${url}. ` +
        "Use the broker's wss:// address instead.",
    );
  }

  const http = new URL(url);
  http.protocol = address.protocol === 'wss:' ? 'https:' : 'http:';
  const answered = await probe(http.toString());
  if (!answered) {
    return new ConnectError(
      'address',
      'The broker did not answer',
      `Nothing answered at ${address.host}${address.protocol === 'wss:' ? ' (or its TLS certificate was refused)' : ''}. ` +
        'Check the host name and port, that the broker is running, and that no firewall or proxy blocks the port.',
    );
  }
  return new ConnectError(
    'websocket',
    'No MQTT over WebSocket at that path',
    `${address.host} answers, but did not accept a WebSocket for MQTT at ${address.pathname}. ` +
      "Check the port and path in the broker's documentation (often /mqtt).",
  );
}

async function probe(url: string): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    // An opaque answer is enough: it proves something listens at that address.
    await fetch(url, { mode: 'no-cors', cache: 'no-store', signal: controller.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
