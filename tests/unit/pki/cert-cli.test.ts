/** `handshake cert …` run as a learner runs it: `node bin/handshake.mjs` in a child process. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLabCa,
  createRootCa,
  fingerprints,
  generateKeyPair,
  issueCertificate,
  privateKeyPem,
} from '../../../src/core/pki/index.ts';
import { DAY, crypto, tempDir, type TempDir } from './support.ts';

const BIN = fileURLToPath(new URL('../../../bin/handshake.mjs', import.meta.url));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function handshake(...args: string[]): Promise<Outcome> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: dir.path, encoding: 'utf8' },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

let dir: TempDir;
let deviceId: string;
const yesterday = new Date(Date.now() - DAY);

beforeAll(async () => {
  dir = tempDir();
  const lab = await createLabCa(crypto, {
    algorithm: 'P-256',
    intermediate: true,
    organization: 'CLI Lab',
  });
  const key = await generateKeyPair(crypto, 'P-256');
  const device = await issueCertificate(crypto, {
    role: 'device',
    subject: { CN: 'sensor-1' },
    publicKey: key,
    issuer: lab.signer,
  });
  const expired = await issueCertificate(crypto, {
    role: 'device',
    subject: { CN: 'sensor-old' },
    publicKey: key,
    issuer: lab.signer,
    notBefore: new Date(Date.now() - 30 * DAY),
    notAfter: yesterday,
  });
  const other = await createRootCa(crypto, { subject: { CN: 'Stranger CA', O: 'Elsewhere' } });
  const stray = await issueCertificate(crypto, {
    role: 'device',
    subject: { CN: 'stray' },
    publicKey: key,
    issuer: other,
  });
  deviceId = (await fingerprints(crypto, device.der)).certificateId;

  dir.write('root.pem', lab.root.issued.pem);
  dir.write('intermediate.pem', lab.intermediate!.issued.pem);
  dir.write('device.pem', device.pem);
  dir.write('device.der', device.der);
  dir.write('device.key', privateKeyPem(key));
  dir.write('expired.pem', expired.pem);
  dir.write('stray.pem', stray.pem);
  dir.write('both.pem', device.pem + lab.intermediate!.issued.pem);
  dir.write('reversed.pem', lab.intermediate!.issued.pem + device.pem);
  const lines = device.pem.trimEnd().split('\n');
  dir.write('truncated.pem', [...lines.slice(0, 3), ...lines.slice(4)].join('\n'));
});

afterAll(() => dir?.remove());

describe('handshake cert inspect', () => {
  it('lists both certificates of a file in order, with subject, certificate ID and fields', async () => {
    const { code, stdout } = await handshake('cert', 'inspect', 'both.pem');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^both\.pem: 2 objects\n/);
    expect(stdout).toContain('1. Certificate (PEM block "CERTIFICATE" on line 1)');
    expect(stdout).toMatch(/2\. Certificate \(PEM block "CERTIFICATE" on line \d+\)/);
    expect(stdout).toMatch(/^ {3}Subject +CN=sensor-1$/m);
    expect(stdout).toMatch(/^ {3}Subject +CN=CLI Lab Device CA,O=CLI Lab$/m);
    expect(stdout).toContain(`Certificate ID  ${deviceId} (AWS IoT)`);
    expect(stdout).toMatch(/^ +0 +\d+  Certificate SEQUENCE$/m);
    expect(stdout).toMatch(/^ +\d+ +\d+ {6}serialNumber INTEGER = [0-9A-F:]+$/m);
  });

  it('reads DER and keys too, and --explain adds each field’s meaning', async () => {
    const der = await handshake('cert', 'inspect', 'device.der', '--explain');
    expect(der.code).toBe(0);
    expect(der.stdout).toContain('1. Certificate (DER)');
    expect(der.stdout).toContain(
      'issuer SEQUENCE = CN=CLI Lab Device CA,O=CLI Lab  — The name of the CA that signed this',
    );
    const key = await handshake('cert', 'inspect', 'device.key');
    expect(key.stdout).toMatch(/Key +EC P-256\n +Format +PKCS #8/);
  });

  it('--json gives each object with its fields, values and meanings', async () => {
    const { code, stdout } = await handshake('cert', 'inspect', 'both.pem', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      objects: {
        kind: string;
        subject: string;
        certificateId?: string;
        fields: { name: string; meaning: string; offset: number };
      }[];
    };
    expect(json.objects.map((o) => [o.kind, o.subject])).toEqual([
      ['certificate', 'CN=sensor-1'],
      ['certificate', 'CN=CLI Lab Device CA,O=CLI Lab'],
    ]);
    expect(json.objects[0]!.certificateId).toBe(deviceId);
    expect(json.objects[0]!.fields).toMatchObject({ name: 'Certificate', offset: 0 });
  });

  it('a truncated block exits 1, naming the DER length stage and both lengths', async () => {
    const { code, stdout } = await handshake('cert', 'inspect', 'truncated.pem');
    expect(code).toBe(1);
    expect(stdout).toContain('1. Rejected: PEM block "CERTIFICATE" on line 1');
    expect(stdout).toContain('Stage     DER length');
    expect(stdout).toMatch(/declares \d+ bytes of content, but only \d+ are available/);
  });

  it('a missing file or a usage mistake exits 2', async () => {
    const missing = await handshake('cert', 'inspect', 'nope.pem');
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'handshake cert inspect: nope.pem: no such file.\n',
    ]);
    const usage = await handshake('cert', 'inspect');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(
      /^handshake cert inspect: missing the file to inspect\.\n\nUsage:/,
    );
    expect((await handshake('cert', 'frobnicate')).stderr).toMatch(
      /^handshake cert: unknown subcommand 'frobnicate'/,
    );
  });
});

describe('handshake cert verify', () => {
  it('a good chain exits 0 and lists each check', async () => {
    const { code, stdout } = await handshake(
      'cert',
      'verify',
      'device.pem',
      '--ca',
      'root.pem',
      '--chain',
      'intermediate.pem',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Path: "CN=sensor-1" → "CN=CLI Lab Device CA,O=CLI Lab" → "CN=CLI Lab Root CA,O=CLI Lab" \(trust anchor\)\n/,
    );
    expect(stdout).toContain(
      'leaf "CN=sensor-1"\n  ✔ issuer: issued by "CN=CLI Lab Device CA,O=CLI Lab"\n  ✔ signature:',
    );
    expect(stdout).toMatch(
      /\nResult: valid for a TLS client \(device\) at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.\n$/,
    );
  });

  it('an expired certificate exits 1 with the date it ended', async () => {
    const { code, stdout } = await handshake(
      'cert',
      'verify',
      'expired.pem',
      '--ca',
      'root.pem',
      '--chain',
      'intermediate.pem',
    );
    expect(code).toBe(1);
    const until = yesterday.toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(stdout).toContain(`  ✘ validity: expired: it was valid until ${until} (notAfter)`);
    expect(stdout).toMatch(/Result: NOT valid at .*: 1 problem \(expired\)\.\n$/);
  });

  it('--at checks validity at another time', async () => {
    const at = new Date(Date.now() - 10 * DAY).toISOString();
    const { code, stdout } = await handshake(
      'cert',
      'verify',
      'device.pem',
      '--ca',
      'root.pem',
      '--chain',
      'intermediate.pem',
      '--at',
      at,
    );
    expect(code).toBe(1);
    expect(stdout).toContain('✘ validity: not yet valid: it is valid from');
  });

  it('a certificate from another CA exits 1 with "unknown issuer" and that CA’s name', async () => {
    const { code, stdout } = await handshake(
      'cert',
      'verify',
      'stray.pem',
      '--ca',
      'root.pem',
      '--json',
    );
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as {
      valid: boolean;
      failures: { failure: string; detail: string }[];
    };
    expect(json.valid).toBe(false);
    expect(json.failures.map((f) => f.failure)).toEqual(['unknown-issuer']);
    expect(json.failures[0]!.detail).toContain('issued by "CN=Stranger CA,O=Elsewhere"');
  });

  it('a chain file in the wrong order is verified, with a note', async () => {
    const { code, stdout } = await handshake('cert', 'verify', 'reversed.pem', '--ca', 'root.pem');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Note: The certificates were given in the order "CN=CLI Lab Device CA,O=CLI Lab", "CN=sensor-1"',
    );
  });

  it('usage mistakes exit 2', async () => {
    const noCa = await handshake('cert', 'verify', 'device.pem');
    expect([noCa.code, noCa.stderr.split('\n')[0]]).toEqual([
      2,
      'handshake cert verify: missing --ca: the CA certificates to trust.',
    ]);
    const badTime = await handshake(
      'cert',
      'verify',
      'device.pem',
      '--ca',
      'root.pem',
      '--at',
      'tomorrow',
    );
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toContain(
      "--at needs an ISO 8601 time such as 2027-01-31T12:00:00Z; got 'tomorrow'.",
    );
  });

  it('handshake help lists the cert command', async () => {
    const { code, stdout } = await handshake('help');
    expect(code).toBe(0);
    expect(stdout).toContain('cert <inspect|verify> ...');
  });
});
