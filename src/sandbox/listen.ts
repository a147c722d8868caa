import type { Server as NetServer } from 'node:net';

/** A listener that could not start, with the one line a person needs to fix it. */
export class ListenError extends Error {
  override name = 'ListenError';
}

/**
 * Starts listening, turning the usual failures into one line that names the flag and the
 * environment variable to change.
 */
export function listenOn(
  server: NetServer,
  port: number,
  host: string,
  what: { label: string; flag: string; env: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(new ListenError(describe(error, port, host, what)));
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function describe(
  error: NodeJS.ErrnoException,
  port: number,
  host: string,
  what: { label: string; flag: string; env: string },
): string {
  const change = `choose another with ${what.flag} <port> or ${what.env}=<port>`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `Port ${port} (${what.label}) is already in use on ${host}: stop the program using it, or ${change}.`;
    case 'EACCES':
      return `Port ${port} (${what.label}) needs more privileges on ${host}: ${change} (1024 or above).`;
    case 'EADDRNOTAVAIL':
      return `Address ${host} is not on this machine, so ${what.label} cannot listen there: check --host.`;
    default:
      return `${what.label} could not listen on ${host}:${port}: ${error.message}.`;
  }
}
