/** `handshake tls probe` run as a learner runs it, against a lab server in this process. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandshakeReport } from '../../../src/core/tls/handshake-report.ts';
import { allowEverything, makeDevice, type DeviceKind } from '../../support/mtls-devices.ts';
import { HOST, startLab, type Lab } from './lab-harness.ts';

const BIN = fileURLToPath(new URL('../../../bin/handshake.mjs', import.meta.url));
// Each run starts Node and tsx (about a second).
const SLOW = { timeout: 30_000 };

let lab: Lab;
let folder: string;
let dataDir: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'handshake-tls-cli-'));
  dataDir = join(folder, 'lab-data');
  lab = await startLab({ mtls: true, dataDir });
});
afterAll(async () => {
  await lab?.stop();
  await rm(folder, { recursive: true, force: true });
});

function handshake(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: folder, encoding: 'utf8', env: { ...process.env, HANDSHAKE_DATA_DIR: dataDir } },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A device's files in the folder, as device.crt and device.key under its kind's name. */
async function deviceFiles(kind: DeviceKind) {
  const device = await makeDevice(lab.server.registry, kind);
  await allowEverything(lab.server.registry, device.certificateId).catch(() => {});
  const crt = join(folder, `${kind}.crt`);
  const key = join(folder, `${kind}.key`);
  await writeFile(crt, device.certificatePem);
  await writeFile(key, device.privateKeyPem);
  return { device, crt, key };
}

const target = () => [
  '--port',
  String(lab.server.mtlsPort),
  '--lab',
  `http://${HOST}:${lab.server.port}`,
];

describe('handshake tls probe', SLOW, () => {
  it('prints each step, then "connected", and exits 0 for an ACTIVE device', async () => {
    const { device, crt, key } = await deviceFiles('rsa');
    const { code, stdout, stderr } = await handshake(
      'tls',
      'probe',
      '--cert',
      crt,
      '--key',
      key,
      ...target(),
    );

    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(
      /^Real TLS handshake with 127\.0\.0\.1:\d+, checking the broker's certificate for 127\.0\.0\.1$/m,
    );
    expect(stdout).toMatch(/^ 3\. CertificateRequest {3}broker -> device$/m);
    expect(stdout).toContain('certificate_authorities  CN=Handshake Lab Root CA,O=Handshake Lab');
    expect(stdout).toMatch(/^10\. Registry lookup {6}at the broker$/m);
    expect(stdout).toMatch(
      new RegExp(
        `^Result: connected over TLSv1\\.3 with TLS_\\w+ as CN=${device.commonName} \\(certificate ${device.certificateId.slice(0, 8)}…\\)\\.$`,
        'm',
      ),
    );
  });

  it("exits 1 for a REVOKED device, with the lab's reason and the doctor's verdict", async () => {
    const { crt, key } = await deviceFiles('revoked');
    const { code, stdout } = await handshake(
      'tls',
      'probe',
      '--cert',
      crt,
      '--key',
      key,
      ...target(),
    );

    expect(code).toBe(1);
    expect(stdout).toMatch(/^Result: failed: certificate-revoked, no alert\.$/m);
    expect(stdout).toMatch(/^ {2}Layer: Certificate status in the registry$/m);
    expect(stdout).toMatch(/^ {2}Fix: Issue and register a new certificate/m);
  });

  it('with --no-cert, shows the certificate_required alert the lab sends', async () => {
    const { code, stdout } = await handshake('tls', 'probe', '--no-cert', ...target());

    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^Result: failed: no-client-certificate, alert certificate_required \(116\) from the broker\.$/m,
    );
  });

  it('with --json, prints the HandshakeReport', async () => {
    const { crt, key } = await deviceFiles('expired');
    const { code, stdout } = await handshake(
      'tls',
      'probe',
      '--cert',
      crt,
      '--key',
      key,
      '--json',
      ...target(),
    );
    const report = JSON.parse(stdout) as HandshakeReport;

    expect(code).toBe(1);
    expect(report).toMatchObject({ mode: 'real', outcome: 'failed', alert: null });
    expect(report.failure?.code).toBe('client-certificate-expired');
  });

  it('without the lab to ask, says only what reached the device', async () => {
    const { crt, key } = await deviceFiles('inactive');
    const { code, stdout } = await handshake(
      'tls',
      'probe',
      '--cert',
      crt,
      '--key',
      key,
      '--port',
      String(lab.server.mtlsPort),
      '--lab',
      'none',
    );

    expect(code).toBe(1);
    expect(stdout).toMatch(/^Result: failed: bad-certificate, no alert\.$/m);
    expect(stdout).toContain(
      'The broker closed the connection right after the handshake, without an alert',
    );
  });

  it.each([
    [
      ['--cert', 'device.crt'],
      "give the device's certificate and key: --cert device.crt --key device.key (or --no-cert).",
    ],
    [
      ['--no-cert', '--cert', 'x'],
      '--no-cert sends no certificate; leave out --cert and --key with it.',
    ],
    [
      ['--cert', 'nothing.crt', '--key', 'nothing.key'],
      '--cert: cannot read nothing.crt: no such file.',
    ],
    [
      ['--no-cert', '--port', '99999'],
      "--port must be a port number from 1 to 65535 (got '99999').",
    ],
    [
      ['--no-cert', '--data-dir', 'empty'],
      /^the lab CA \(no --ca given\): cannot read empty\/ca\/lab-root-ca\.pem: no such file\. Start the lab once/,
    ],
  ])('exits 2 for %j, saying what to change', async (args, message) => {
    const { code, stderr } = await handshake('tls', 'probe', ...args);

    expect(code).toBe(2);
    const said = stderr.split('\n')[0]!.replace(/^handshake tls probe: /, '');
    if (typeof message === 'string') expect(said).toBe(message);
    else expect(said).toMatch(message);
  });

  it('exits 2 for a file that is not a certificate', async () => {
    const bad = join(folder, 'notes.txt');
    await writeFile(bad, 'not a certificate\n');
    const { code, stderr } = await handshake(
      'tls',
      'probe',
      '--cert',
      bad,
      '--key',
      bad,
      ...target(),
    );

    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^handshake tls probe: the device's certificate file holds no CERTIFICATE block/,
    );
  });
});
