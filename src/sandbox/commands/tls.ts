/**
 * `handshake tls probe`: a real mutual TLS handshake as a device makes it, against the lab
 * server's MQTT over TLS (or any broker), printed step by step with the connection doctor's
 * verdict. When the broker is the lab, the lab's record of the connection (GET
 * /api/tls/connections) says why it closed one.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HandshakeInputError, probeHandshake } from '../tls/handshake-probe.ts';
import { labOverHttp } from '../tls/lab-records.ts';
import { reportText } from '../tls/report-text.ts';

export const TLS_PROBE_USAGE = `Usage: handshake tls probe --cert FILE --key FILE [options]

Makes a real mutual TLS handshake with the lab's MQTT over TLS listener (or another broker),
as a device does, then sends MQTT CONNECT; prints each step, the result and what to do.

Options:
  --cert FILE          the device certificate, then any intermediates (PEM)
  --key FILE           its private key (PEM)
  --no-cert            send no certificate, to see the broker refuse (instead of --cert/--key)
  --ca FILE            the CA the device trusts for the broker
                       (default: the lab CA, <data-dir>/ca/lab-root-ca.pem)
  --host H             the broker's address (default 127.0.0.1)
  --port P             its MQTT over TLS port (HANDSHAKE_MTLS_PORT, default 8883)
  --server-name N      the name to check the broker's certificate for, sent as SNI
                       (default: --host)
  --client-id ID       the client ID of the CONNECT (default: handshake-probe-<random>)
  --lab URL            the lab server to ask why it closed a connection
                       (default: http://<host>:<HANDSHAKE_PORT or 4321>; "none" to not ask)
  --data-dir DIR       the lab's data folder (HANDSHAKE_DATA_DIR, default .lab)
  --json               print the report as JSON
  -h, --help           show this help

Exit status: 0 connected, 1 refused or failed, 2 for a usage error.`;

class UsageError extends Error {}

type Env = Record<string, string | undefined>;

/** Runs `handshake tls <subcommand>`; returns the exit status. */
export async function tls(args: string[], env: Env = process.env): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'probe') {
    const said = sub === undefined || sub === '-h' || sub === '--help';
    (said ? console.log : console.error)(
      `${said ? '' : `handshake tls: unknown subcommand '${sub}'.\n\n`}${TLS_PROBE_USAGE}`,
    );
    return said ? 0 : 2;
  }

  let request;
  try {
    request = readRequest(rest, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`handshake tls probe: ${error.message}`);
    return 2;
  }
  if (request === 'help') {
    console.log(TLS_PROBE_USAGE);
    return 0;
  }

  let report;
  try {
    report = await probeHandshake(request.probe);
  } catch (error) {
    if (!(error instanceof HandshakeInputError)) throw error;
    console.error(`handshake tls probe: ${error.message}`);
    return 2;
  }

  const { host, port, serverName } = request.probe;
  const heading = `Real TLS handshake with ${host}:${port}, checking the broker's certificate for ${serverName}`;
  process.stdout.write(
    request.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report, heading),
  );
  return report.outcome === 'connected' ? 0 : 1;
}

function readRequest(args: string[], env: Env) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        cert: { type: 'string' },
        key: { type: 'string' },
        'no-cert': { type: 'boolean' },
        ca: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'server-name': { type: 'string' },
        'client-id': { type: 'string' },
        lab: { type: 'string' },
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${TLS_PROBE_USAGE}`);
  }
  if (values.help) return 'help' as const;

  const noCert = values['no-cert'] === true;
  if (noCert && (values.cert || values.key)) {
    throw new UsageError('--no-cert sends no certificate; leave out --cert and --key with it.');
  }
  if (!noCert && (!values.cert || !values.key)) {
    throw new UsageError(
      `give the device's certificate and key: --cert device.crt --key device.key (or --no-cert).\n\n${TLS_PROBE_USAGE}`,
    );
  }

  const dataDir = values['data-dir'] ?? env.HANDSHAKE_DATA_DIR ?? '.lab';
  const host = values.host ?? '127.0.0.1';
  const port = portOf(
    values.port ?? env.HANDSHAKE_MTLS_PORT ?? '8883',
    values.port ? '--port' : 'HANDSHAKE_MTLS_PORT',
  );
  const caFile = values.ca ?? join(dataDir, 'ca', 'lab-root-ca.pem');
  const lab =
    values.lab ??
    `http://${host.includes(':') ? `[${host}]` : host}:${env.HANDSHAKE_PORT || '4321'}`;

  return {
    json: values.json === true,
    probe: {
      certificatePem: noCert ? '' : readText(values.cert!, '--cert'),
      privateKeyPem: noCert ? '' : readText(values.key!, '--key'),
      caPem: readText(caFile, values.ca ? '--ca' : 'the lab CA (no --ca given)'),
      host,
      port,
      serverName: values['server-name'] ?? host,
      ...(values['client-id'] ? { clientId: values['client-id'] } : {}),
      ...(lab === 'none' ? {} : { lab: labOverHttp(lab) }),
    },
  };
}

function portOf(text: string, source: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new UsageError(`${source} must be a port number from 1 to 65535 (got '${text}').`);
  }
  return port;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(resolve(path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    const hint = what.startsWith('the lab CA')
      ? ' Start the lab once (npm start) to make it, or give --ca or --data-dir.'
      : '';
    throw new UsageError(`${what}: cannot read ${path}: ${why}.${hint}`);
  }
}
