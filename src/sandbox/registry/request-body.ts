/** Reading a JSON request body with a size limit, and answering with the registry's error shape. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Certificates and CSRs are a few KB; a chain of several stays far below this. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** E.g. `allow` on a 405. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * The body as a JSON object. Past the limit the rest is read and dropped, so that the client
 * still receives the 413 instead of a connection cut mid-upload.
 */
export function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > BODY_LIMIT_BYTES) {
        reject(
          new HttpProblem(
            413,
            'body-too-large',
            `The request body is ${size} bytes; the registry accepts at most ${BODY_LIMIT_BYTES} ` +
              '(256 KB). Send one certificate or CSR per request, as PEM.',
          ),
        );
        return;
      }
      try {
        resolve(objectFrom(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function objectFrom(text: string): Record<string, unknown> {
  if (text.trim() === '') {
    throw new HttpProblem(400, 'invalid-json', 'The request has no body; send a JSON object.');
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpProblem(
      400,
      'invalid-json',
      `The request body is not valid JSON: ${(error as Error).message}.`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = Array.isArray(value) ? 'an array' : JSON.stringify(value);
    throw new HttpProblem(
      400,
      'invalid-json',
      `The request body must be a JSON object, not ${found}.`,
    );
  }
  return value as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(`${JSON.stringify(body, null, 2)}\n`);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendJson(res, status, { error: { code, message } });
}
