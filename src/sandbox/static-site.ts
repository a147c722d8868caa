import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

/** Serves the built course from `root`, as any static host would: folders answer index.html. */
export function createStaticHandler(root: string) {
  const notFoundPage = join(root, '404.html');

  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodePath(req.url ?? '/');
    const file = path === null ? null : await findFile(root, path);
    if (file) return send(res, 200, file, req.method === 'HEAD');

    const fallback = await findFile(root, '/404.html');
    if (fallback) return send(res, 404, notFoundPage, req.method === 'HEAD');
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
  };
}

function decodePath(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url, 'http://lab').pathname);
  } catch {
    return null;
  }
}

async function findFile(root: string, urlPath: string): Promise<string | null> {
  const full = normalize(join(root, urlPath));
  // A path that climbs out of the site (../) is simply not there.
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;

  for (const candidate of [full, join(full, 'index.html'), `${full}.html`]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

function send(res: ServerResponse, status: number, file: string, headOnly: boolean): void {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
  if (headOnly) return void res.end();
  createReadStream(file).pipe(res);
}
