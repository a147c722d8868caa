/**
 * `/api/tls/*` on the lab server:
 *   POST /api/tls/probe        { certificatePem, privateKeyPem, caPem?, serverName?, clientId? }
 *                              → a HandshakeReport of a real handshake with the lab's own
 *                                mutual TLS listener, ended by MQTT CONNECT with `clientId`
 *                                (the gallery of broken set-ups calls it)
 *   GET  /api/tls/connections  → { connections: TlsDecision[] }, newest first
 *   GET  /api/tls/connections?from=ADDRESS:PORT → the lab's decision on that connection
 * Bad input answers 400 with `{ "error": "<what to fix>", "code": "<stable name>" }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CertificateRegistry } from '../../core/lab/certificate-registry.ts';
import { DEFAULT_SERVER_NAME } from '../../core/tls/lab-server-certificate.ts';
import type { Logger } from '../log.ts';
import { HttpProblem, readJsonObject, sendJson } from '../registry/request-body.ts';
import { HandshakeInputError, probeHandshake } from './handshake-probe.ts';
import type { DecisionLog } from './tls-decision.ts';
import { endpoint } from './tls-decision.ts';

export const TLS_API_PREFIX = '/api/tls';

export interface TlsApiOptions {
  registry: Pick<CertificateRegistry, 'labCa'>;
  decisions: DecisionLog;
  /** Where the mutual TLS listener can be reached from this process. */
  listener(): { host: string; port: number };
  log: Logger;
}

/** The longest name a probe may dial (RFC 1035: 253 characters). */
const MAX_SERVER_NAME = 253;

/** Answers `/api/tls/*` and returns true; false for any other path. */
export function createTlsApi(options: TlsApiOptions) {
  return function handleTls(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    if (!url.pathname.startsWith(`${TLS_API_PREFIX}/`)) return false;

    answer(options, req, url)
      .then(({ status, body }) => sendJson(res, status, body))
      .catch((error: unknown) => {
        if (error instanceof HttpProblem) {
          sendJson(res, error.status, { error: error.message, code: error.code });
          return;
        }
        options.log.error(`${req.method} ${url.pathname} failed: ${(error as Error).message}`);
        sendJson(res, 500, {
          error: `The lab server failed: ${(error as Error).message}. Its log has the details.`,
          code: 'internal-error',
        });
      });
    return true;
  };
}

async function answer(
  options: TlsApiOptions,
  req: IncomingMessage,
  url: URL,
): Promise<{ status: number; body: unknown }> {
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  switch (route) {
    case `POST ${TLS_API_PREFIX}/probe`:
      return { status: 200, body: await probe(options, await readJsonObject(req)) };
    case `GET ${TLS_API_PREFIX}/connections`:
      return connections(options, url.searchParams.get('from'));
    default:
      throw new HttpProblem(
        url.pathname === `${TLS_API_PREFIX}/probe` ||
        url.pathname === `${TLS_API_PREFIX}/connections`
          ? 405
          : 404,
        'no-such-route',
        `No TLS API for ${route}. Try POST ${TLS_API_PREFIX}/probe or GET ${TLS_API_PREFIX}/connections.`,
      );
  }
}

/** A real handshake with the lab's own listener, as the device described in `body`. */
async function probe(options: TlsApiOptions, body: Record<string, unknown>) {
  const certificatePem = text(body, 'certificatePem');
  const privateKeyPem = text(body, 'privateKeyPem');
  const caPem = optionalText(body, 'caPem') ?? (await options.registry.labCa()).pem;
  const serverName = optionalText(body, 'serverName') ?? DEFAULT_SERVER_NAME;
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(serverName) || serverName.length > MAX_SERVER_NAME) {
    throw new HttpProblem(
      400,
      'invalid-server-name',
      `"serverName" must be a host name or an IP address, such as localhost; got ${JSON.stringify(serverName)}.`,
    );
  }

  const clientId = optionalText(body, 'clientId');
  // The IoT policy on iot:Connect decides which client IDs a device may use; this keeps it sane.
  if (clientId !== undefined && !/^[\x21-\x7e]{1,128}$/.test(clientId)) {
    throw new HttpProblem(
      400,
      'invalid-client-id',
      `"clientId" must be 1 to 128 printable ASCII characters without spaces; got ${JSON.stringify(clientId)}.`,
    );
  }

  const { host, port } = options.listener();
  try {
    return await probeHandshake({
      certificatePem,
      privateKeyPem,
      caPem,
      host,
      port,
      serverName,
      ...(clientId ? { clientId } : {}),
      lab: {
        source: "the lab server's own record",
        decision: (from) => options.decisions.waitFor(endpoint(from.address, from.port), 2000),
      },
    });
  } catch (error) {
    if (error instanceof HandshakeInputError) throw new HttpProblem(400, error.code, error.message);
    throw error;
  }
}

function connections(options: TlsApiOptions, from: string | null) {
  if (from === null) return { status: 200, body: { connections: options.decisions.list() } };

  const decision = options.decisions.get(from);
  if (decision) return { status: 200, body: decision };
  throw new HttpProblem(
    404,
    'no-such-connection',
    `The lab has no record of a mutual TLS connection from ${from}. It keeps the last 256; give the device's address and port as the lab saw them, e.g. 127.0.0.1:51234.`,
  );
}

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value === 'string') return value;
  throw new HttpProblem(
    400,
    'invalid-request',
    `"${name}" must be a string of PEM text ('' for none)${value === undefined ? ', and it is missing' : `, not ${JSON.stringify(value)}`}.`,
  );
}

function optionalText(body: Record<string, unknown>, name: string): string | undefined {
  if (body[name] === undefined || body[name] === null || body[name] === '') return undefined;
  return text(body, name);
}
