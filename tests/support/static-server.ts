import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** A built site served as a static host would: plain files, no /api, nothing else. */
export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** Serves `root` on 127.0.0.1 on a free port; directories answer with their index.html. */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return notFound();

    const found = await findFile(file);
    if (!found) return notFound();

    response.writeHead(200, {
      'content-type': TYPES[extname(found)] ?? 'application/octet-stream',
    });
    createReadStream(found).pipe(response);

    function notFound() {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, stop: () => close(server) };
}

async function findFile(path: string): Promise<string | null> {
  for (const candidate of [path, join(path, 'index.html')]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}
