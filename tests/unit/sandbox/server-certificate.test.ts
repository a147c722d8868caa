/** The lab broker's TLS certificate: kept in the data folder, reissued only when it no longer fits. */
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createCertificateRegistry,
  memoryStorage,
  type LabCertificateRegistry,
} from '../../../src/core/lab/registry/index.ts';
import { createFileStore } from '../../../src/sandbox/registry/file-store.ts';
import {
  ensureServerCertificate,
  serverCertificateFiles,
} from '../../../src/sandbox/tls/server-certificate.ts';
import { sameNames, serverNamesFor } from '../../../src/sandbox/tls/server-names.ts';

let dataDir: string;
const registryIn = (folder: string): LabCertificateRegistry =>
  createCertificateRegistry(createFileStore(folder), globalThis.crypto, () => new Date());
const NAMES = ['localhost', '127.0.0.1'];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'handshake-server-cert-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('ensureServerCertificate', () => {
  it('issues one from the lab CA for the names, and keeps it as tls/server.crt and a 0600 key', async () => {
    const registry = registryIn(dataDir);
    const { credentials, issued } = await ensureServerCertificate({
      registry,
      names: NAMES,
      dataDir,
    });

    expect(issued).toBe('there was none');
    const files = serverCertificateFiles(dataDir);
    expect(await readFile(files.certificate, 'utf8')).toBe(credentials.certificatePem);
    expect(await readFile(files.key, 'utf8')).toBe(credentials.privateKeyPem);
    expect((await stat(files.key)).mode & 0o777).toBe(0o600);

    const certificate = new X509Certificate(credentials.certificatePem);
    const ca = new X509Certificate((await registry.labCa()).pem);
    expect(certificate.verify(ca.publicKey)).toBe(true);
    expect(certificate.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(certificate.checkHost('localhost')).toBe('localhost');
  });

  it('keeps the certificate it has while it fits: same names, same lab CA, not expired', async () => {
    const first = await ensureServerCertificate({
      registry: registryIn(dataDir),
      names: NAMES,
      dataDir,
    });
    const again = await ensureServerCertificate({
      registry: registryIn(dataDir),
      names: ['127.0.0.1', 'LOCALHOST'],
      dataDir,
    });

    expect(again.issued).toBeNull();
    expect(again.credentials.certificatePem).toBe(first.credentials.certificatePem);
  });

  it.each([
    [
      'the names changed',
      { names: [...NAMES, '192.0.2.7'] },
      /^the names changed \(it lists localhost, 127\.0\.0\.1; the server needs localhost, 127\.0\.0\.1, 192\.0\.2\.7\)$/,
    ],
    ['it expired', { now: new Date(Date.now() + 20 * 365 * 86_400_000) }, /^it expired$/],
  ])('issues a new one when %s', async (_, change, reason) => {
    const first = await ensureServerCertificate({
      registry: registryIn(dataDir),
      names: NAMES,
      dataDir,
    });
    const again = await ensureServerCertificate({
      registry: registryIn(dataDir),
      names: NAMES,
      dataDir,
      ...change,
    });

    expect(again.issued).toMatch(reason);
    expect(again.credentials.certificatePem).not.toBe(first.credentials.certificatePem);
  });

  it('issues a new one after the lab is reset, since the old one names a CA that is gone', async () => {
    await ensureServerCertificate({ registry: registryIn(dataDir), names: NAMES, dataDir });
    await rm(join(dataDir, 'registry.json'));
    await rm(join(dataDir, 'ca'), { recursive: true });

    const again = await ensureServerCertificate({
      registry: registryIn(dataDir),
      names: NAMES,
      dataDir,
    });

    expect(again.issued).toBe('the lab CA changed');
  });

  it('issues a new one when the key on disk is not the certificate’s', async () => {
    await ensureServerCertificate({ registry: registryIn(dataDir), names: NAMES, dataDir });
    const other = await ensureServerCertificate({
      registry: registryIn(dataDir),
      names: ['localhost'],
    });
    await writeFile(serverCertificateFiles(dataDir).key, other.credentials.privateKeyPem);

    const again = await ensureServerCertificate({
      registry: registryIn(dataDir),
      names: NAMES,
      dataDir,
    });

    expect(again.issued).toBe('its key does not match it');
  });

  it('without a data folder, lives in memory and writes nothing', async () => {
    const registry = createCertificateRegistry(
      memoryStorage(),
      globalThis.crypto,
      () => new Date(),
    );
    const { credentials, issued } = await ensureServerCertificate({ registry, names: NAMES });

    expect(issued).toBe('there was none');
    expect(credentials.names).toEqual(NAMES);
    await expect(stat(serverCertificateFiles(dataDir).certificate)).rejects.toThrow(/ENOENT/);
  });
});

describe('serverNamesFor', () => {
  const interfaces = {
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
    eth0: [
      { address: '192.168.1.20', family: 'IPv4', internal: false },
      { address: 'fe80::1', family: 'IPv6', internal: false },
    ],
    wlan0: [{ address: '10.0.0.5', family: 'IPv4', internal: false }],
  } as unknown as Parameters<typeof serverNamesFor>[1];

  it('lists localhost and 127.0.0.1 for the default host', () => {
    expect(serverNamesFor('127.0.0.1', interfaces)).toEqual(['localhost', '127.0.0.1']);
  });

  it('adds a --host address or name the server binds', () => {
    expect(serverNamesFor('192.168.1.20', interfaces)).toEqual([
      'localhost',
      '127.0.0.1',
      '192.168.1.20',
    ]);
    expect(serverNamesFor('Lab.Local', interfaces)).toEqual([
      'localhost',
      '127.0.0.1',
      'lab.local',
    ]);
  });

  it('adds every outside IPv4 address of the machine for a wildcard host, as students dial them', () => {
    expect(serverNamesFor('0.0.0.0', interfaces)).toEqual([
      'localhost',
      '127.0.0.1',
      '10.0.0.5',
      '192.168.1.20',
    ]);
  });

  it('compares name lists without order or case', () => {
    expect(sameNames(['a.lab', '127.0.0.1'], ['127.0.0.1', 'A.LAB'])).toBe(true);
    expect(sameNames(['a.lab'], ['a.lab', 'b.lab'])).toBe(false);
  });
});
