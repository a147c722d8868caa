import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePem, privateKeyPem } from '../../../src/core/pki/index.ts';
import { buildBrokenSetup } from '../../../src/core/tls/broken-setup-builder.ts';
import { BROKEN_SETUPS, type BrokenSetupId } from '../../../src/core/tls/broken-setups.ts';
import { crypto, memoryLab } from './support.ts';

/*
 * The model's alerts, checked against OpenSSL's: each gallery case that TLS alone can show (no
 * registry) runs on 127.0.0.1 with `openssl s_server` as the broker (it sends the alert its
 * verification error calls for; Node's TLS server would only close) and Node's TLS client as the
 * device, which names the alert it received. The device's check of the broker's name runs the
 * other way round: `openssl s_client -verify_hostname` against a Node TLS server.
 */

const OPENSSL = '/usr/bin/openssl';
let lab: Awaited<ReturnType<typeof memoryLab>>;
let folder: string;
const processes: ChildProcess[] = [];

beforeAll(async () => {
  lab = await memoryLab();
  folder = await mkdtemp(join(tmpdir(), 'handshake-tls-alerts-'));
  await writeFile(join(folder, 'server.crt'), lab.server.pem);
  await writeFile(join(folder, 'server.key'), privateKeyPem(lab.server.keyPair));
});

afterAll(async () => {
  processes.forEach((child) => child.kill());
  await rm(folder, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** `openssl s_server` requiring a client certificate from the given CAs; resolves once listening. */
async function opensslBroker(id: string, trustedPem: string): Promise<number> {
  const cafile = join(folder, `${id}-trusted.pem`);
  await writeFile(cafile, trustedPem);
  const port = await freePort();
  const child = spawn(OPENSSL, [
    's_server',
    '-accept',
    `127.0.0.1:${port}`,
    '-naccept',
    '1',
    '-tls1_3',
    '-cert',
    join(folder, 'server.crt'),
    '-key',
    join(folder, 'server.key'),
    '-CAfile',
    cafile,
    '-Verify',
    '1',
    '-verify_return_error',
  ]);
  processes.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ACCEPT') && resolve());
    child.once('exit', (code) => reject(new Error(`openssl s_server exited with ${code}`)));
  });
  return port;
}

/** The alert the device received, by its RFC 8446 name, or 'connected'. */
async function attempt(id: BrokenSetupId): Promise<string> {
  const materials = await buildBrokenSetup(crypto, id, { ca: lab.ca });
  const trusted = [
    encodePem('CERTIFICATE', lab.ca.certificate.der),
    ...materials.registerCas.map((ca) => ca.pem),
  ];
  const port = await opensslBroker(id, trusted.join(''));

  return new Promise((resolve) => {
    const socket: TLSSocket = connect({
      host: '127.0.0.1',
      port,
      servername: materials.serverName,
      ca: materials.caPem,
      ...(materials.certificatePem && {
        cert: materials.certificatePem,
        key: materials.privateKeyPem,
      }),
      minVersion: 'TLSv1.3',
    });
    socket.on('error', (error: Error & { code?: string }) => {
      const alert = /_ALERT_([A-Z_]+)$/.exec(error.code ?? '');
      resolve(alert ? alert[1]!.toLowerCase() : `error ${error.code}`);
    });
    // In TLS 1.3 the device is done before the broker has checked its certificate: the
    // broker's verdict is the next thing it reads, an alert or application data.
    socket.on('secureConnect', () => {
      socket.write('hello\n');
      socket.once('data', () => {
        socket.destroy();
        resolve('connected');
      });
    });
  });
}

describe("the gallery's alerts are the ones OpenSSL sends", () => {
  it.each([
    'expired',
    'not-yet-valid',
    'untrusted-ca',
    'intermediate-missing',
    'no-client-auth-usage',
    'no-client-certificate',
  ] as const)('%s', async (id) => {
    expect(await attempt(id)).toBe(BROKEN_SETUPS[id].alert!.name);
  });

  it('a device checking the broker for a name it does not list sends bad_certificate', async () => {
    const materials = await buildBrokenSetup(crypto, 'server-name-mismatch', { ca: lab.ca });
    const cafile = join(folder, 'lab-ca.pem');
    await writeFile(cafile, materials.caPem);
    const broker = createServer({ cert: lab.server.pem, key: privateKeyPem(lab.server.keyPair) });
    const received = new Promise<string>((resolve) =>
      broker.on('tlsClientError', (error: Error & { code?: string }) =>
        resolve(/_ALERT_([A-Z_]+)$/.exec(error.code ?? '')?.[1]?.toLowerCase() ?? `${error.code}`),
      ),
    );
    await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
    const { port } = broker.address() as AddressInfo;

    const device = spawn(OPENSSL, [
      's_client',
      '-connect',
      `127.0.0.1:${port}`,
      '-tls1_3',
      '-CAfile',
      cafile,
      '-servername',
      materials.serverName,
      '-verify_hostname',
      materials.serverName,
      '-verify_return_error',
    ]);
    processes.push(device);
    device.stdin.end();

    expect(await received).toBe(BROKEN_SETUPS['server-name-mismatch'].alert!.name);
    broker.close();
  });
});
