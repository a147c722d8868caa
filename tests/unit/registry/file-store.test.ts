import { chmod, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryError } from '../../../src/core/lab/certificate-registry.ts';
import { createCertificateRegistry } from '../../../src/core/lab/registry/index.ts';
import {
  createFileStore,
  type FileStoreOptions,
} from '../../../src/sandbox/registry/file-store.ts';
import { crypto, tempFolder } from './support.ts';

let folder: Awaited<ReturnType<typeof tempFolder>>;

beforeEach(async () => {
  folder = await tempFolder();
});
afterEach(async () => {
  await folder.remove();
});

function registryIn(dataDir: string, options: FileStoreOptions = {}) {
  const store = createFileStore(dataDir, options);
  return { store, registry: createCertificateRegistry(store, crypto, () => new Date()) };
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('the registry file (registry.json)', () => {
  it('keeps the registry across a restart: a new store on the folder reads what was saved', async () => {
    const first = registryIn(folder.path);
    const made = await first.registry.createKeysAndCertificate({
      commonName: 'kept',
      algorithm: 'P-256',
    });

    const second = registryIn(folder.path);

    expect(await second.registry.describeCertificate(made.certificate.certificateId)).toEqual(
      made.certificate,
    );
    const text = await readFile(first.store.paths.registry, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 1, certificates: [{ subject: 'CN=kept' }] });
  });

  it('is readable by its owner only, since it holds the lab CA’s key', async () => {
    const { store, registry } = registryIn(folder.path);

    await registry.labCa();

    expect(await modeOf(store.paths.registry)).toBe(0o600);
  });

  it('a write that fails before the rename (a crash) leaves the old file whole, and no stray files', async () => {
    const { store, registry } = registryIn(folder.path);
    await registry.createKeysAndCertificate({ commonName: 'before', algorithm: 'P-256' });
    const before = await readFile(store.paths.registry, 'utf8');
    const crashing = registryIn(folder.path, {
      rename: async () => {
        throw Object.assign(new Error('EIO: the disk went away'), { code: 'EIO' });
      },
    });

    const failed = crashing.registry.createKeysAndCertificate({
      commonName: 'lost',
      algorithm: 'P-256',
    });

    await expect(failed).rejects.toThrow('EIO: the disk went away');
    expect(await readFile(store.paths.registry, 'utf8')).toBe(before);
    expect((await registry.listCertificates()).map((c) => c.subject)).toEqual(['CN=before']);
    expect((await readdir(folder.path)).sort()).toEqual(['ca', 'registry.json']);
  });

  it('is re-read before every operation, so two writers on one folder see each other', async () => {
    const server = registryIn(folder.path);
    const cli = registryIn(folder.path);
    const { certificate } = await server.registry.createKeysAndCertificate({
      commonName: 'shared',
      algorithm: 'P-256',
    });

    await cli.registry.updateCertificate(certificate.certificateId, 'ACTIVE');
    const fromCli = await cli.registry.createKeysAndCertificate({
      commonName: 'from-cli',
      algorithm: 'P-256',
    });

    expect((await server.registry.describeCertificate(certificate.certificateId)).status).toBe(
      'ACTIVE',
    );
    expect((await server.registry.listCertificates()).map((c) => c.certificateId)).toEqual([
      certificate.certificateId,
      fromCli.certificate.certificateId,
    ]);
  });

  it('a file that is not JSON is refused with its path and how to reset, and left as it was', async () => {
    const { store, registry } = registryIn(folder.path);
    await writeFile(store.paths.registry, '{ "version": 1, ');

    const error = await registry.listCertificates().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe('registry-unreadable');
    expect((error as RegistryError).message).toContain(`${store.paths.registry} is not JSON`);
    expect((error as RegistryError).message).toContain('npm run lab:reset');
    expect(await readFile(store.paths.registry, 'utf8')).toBe('{ "version": 1, ');
  });
});

describe('the lab CA files (ca/lab-root-ca.pem, ca/lab-root-ca.key)', () => {
  it('holds the lab CA certificate for --cafile, and its key readable by the owner only', async () => {
    const { store, registry } = registryIn(folder.path);

    const ca = await registry.labCa();

    expect(store.paths.caCertificate).toBe(join(folder.path, 'ca', 'lab-root-ca.pem'));
    expect(await readFile(store.paths.caCertificate, 'utf8')).toBe(ca.pem);
    expect(await readFile(store.paths.caKey, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(await modeOf(store.paths.caKey)).toBe(0o600);
  });

  it('are written again if removed, or if the key was opened up to others', async () => {
    const { store, registry } = registryIn(folder.path);
    const ca = await registry.labCa();
    const key = await readFile(store.paths.caKey, 'utf8');
    await rm(store.paths.caCertificate);
    await chmod(store.paths.caKey, 0o644);

    await registry.listCertificates();

    expect(await readFile(store.paths.caCertificate, 'utf8')).toBe(ca.pem);
    expect(await readFile(store.paths.caKey, 'utf8')).toBe(key);
    expect(await modeOf(store.paths.caKey)).toBe(0o600);
  });
});
