/**
 * Shared by the registry tests: a learner's own CA and devices, CSRs (good and tampered), a
 * storage that records the order of loads and saves, and a lab server on a temporary data folder.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegistryState, RegistryStorage } from '../../../src/core/lab/registry/index.ts';
import {
  createCertificationRequest,
  createRootCa,
  decodeSync,
  encodePem,
  generateKeyPair,
  issueCertificate,
  type CryptoPort,
  type IssuedAuthority,
} from '../../../src/core/pki/index.ts';
import { startLabServer, type RunningLabServer } from '../../../src/sandbox/lab-server.ts';
import { createLogger } from '../../../src/sandbox/log.ts';

export const crypto: CryptoPort = globalThis.crypto;
export const HOST = '127.0.0.1';
export const OPENSSL = '/usr/bin/openssl';

/** A CA of the learner's own, with a device certificate it issued. */
export async function ownCa(name = 'Learner CA') {
  const ca = await createRootCa(crypto, { subject: { O: 'Learner', CN: name } });
  const device = await deviceOf(ca, 'own-device');
  return { ca, device };
}

export async function deviceOf(ca: IssuedAuthority, commonName: string) {
  const key = await generateKeyPair(crypto, 'P-256');
  return issueCertificate(crypto, {
    role: 'device',
    subject: { CN: commonName },
    publicKey: key,
    issuer: ca,
  });
}

/** A CSR for `commonName`, as a device makes it, keeping its key. */
export async function csrFor(commonName: string) {
  const keyPair = await generateKeyPair(crypto, 'P-256');
  const csr = await createCertificationRequest(crypto, { subject: { CN: commonName }, keyPair });
  return { keyPair, pem: csr.pem, der: csr.der };
}

/**
 * The CSR with one letter of its subject changed after signing: still well-formed DER, but the
 * signature no longer covers what it says.
 */
export function tamper(der: Uint8Array, from: string, to: string): string {
  const bytes = new Uint8Array(der);
  const needle = new TextEncoder().encode(from);
  const at = bytes.findIndex((_, i) => needle.every((b, j) => bytes[i + j] === b));
  if (at < 0 || from.length !== to.length) throw new Error(`"${from}" is not in the DER`);
  bytes.set(new TextEncoder().encode(to), at);
  const pem = encodePem('CERTIFICATE REQUEST', bytes);
  if (decodeSync(pem).blocks[0]?.status !== 'decoded') throw new Error('tampering broke the DER');
  return pem;
}

/** Storage that writes down each load and save, taking a little time for each as a disk would. */
export function recordingStorage() {
  let text: string | null = null;
  const log: string[] = [];
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2));
  const storage: RegistryStorage = {
    async load() {
      log.push('load');
      await pause();
      return text === null ? null : (JSON.parse(text) as RegistryState);
    },
    async save(state) {
      log.push('save');
      await pause();
      text = JSON.stringify(state);
    },
  };
  return {
    storage,
    log,
    state: () => (text === null ? null : (JSON.parse(text) as RegistryState)),
  };
}

export async function tempFolder(prefix = 'handshake-registry-') {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface RegistryLab {
  server: RunningLabServer;
  base: string;
  dataDir: string;
  /** `lab:registry` lines without their time stamp. */
  registryLines(): string[];
  stop(): Promise<void>;
}

/** A lab server in-process on port 0 whose registry lives in a temporary data folder. */
export async function startRegistryLab(dataDir?: string): Promise<RegistryLab> {
  const root = await tempFolder('handshake-registry-lab-');
  const siteDir = join(root.path, 'site');
  await mkdir(siteDir);
  await writeFile(join(siteDir, 'index.html'), '<!doctype html><title>Handshake</title>\n');
  const folder = dataDir ?? join(root.path, 'data');

  const lines: string[] = [];
  const sink = (line: string) => lines.push(line.replace(/^\d\d:\d\d:\d\d /, ''));
  const server = await startLabServer({
    host: HOST,
    port: 0,
    mqttPort: 0,
    siteDir,
    version: 'test',
    dataDir: folder,
    log: {
      http: createLogger('lab:http', 'info', sink),
      mqtt: createLogger('lab:mqtt', 'warn', sink),
      registry: createLogger('lab:registry', 'info', sink),
    },
  });

  return {
    server,
    base: `http://${HOST}:${server.port}`,
    dataDir: folder,
    registryLines: () => lines.filter((line) => line.startsWith('lab:registry ')),
    async stop() {
      await server.stop();
      await root.remove();
    },
  };
}
