import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LabEvent } from '../core/lab/lab-event.ts';
import type { LabBroker } from './broker.ts';

/** What `/api/lab` tells a page, so that it knows a lab server is serving it. */
export interface LabInfo {
  kind: 'handshake-lab-server';
  version: string;
  /** `mtlsPort`: MQTT over mutual TLS, when the server runs it. */
  mqtt: { websocketPath: string; tcpPort: number; host: string; mtlsPort?: number };
}

/** Answers one part of `/api/*` and returns true, or returns false for a path not its own. */
export type ApiHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

/**
 * Answers `/api/*`; returns false for any other path. Each of `handlers` is asked first, e.g.
 * the registry's for `/api/registry/*` and TLS's for `/api/tls/*`.
 */
export function createLabApi(info: LabInfo, broker: LabBroker, ...handlers: ApiHandler[]) {
  return function handleApi(req: IncomingMessage, res: ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://lab');
    if (!url.pathname.startsWith('/api/')) return false;

    if (handlers.some((handler) => handler(req, res, url))) return true;

    if (url.pathname === '/api/lab') {
      sendJson(res, 200, info);
    } else if (url.pathname === '/api/events') {
      streamEvents(res, broker, url.searchParams.get('clientId'));
    } else {
      sendJson(res, 404, { error: `No API at ${url.pathname}. Try /api/lab or /api/events.` });
    }
    return true;
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(`${JSON.stringify(body, null, 2)}\n`);
}

// Server-sent events: one `data:` line of JSON per LabEvent, optionally for one client ID.
function streamEvents(res: ServerResponse, broker: LabBroker, clientId: string | null): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': lab events\n\n');

  const forward = (event: LabEvent) => {
    if (clientId !== null && event.clientId !== clientId) return;
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  broker.events.on('event', forward);
  res.on('close', () => broker.events.off('event', forward));
}
