/** `handshake cert lab-ca|create|list|update` run as a learner runs them, in a temporary folder. */
import { execFile, spawnSync } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENSSL, startRegistryLab, tempFolder } from './support.ts';

const BIN = fileURLToPath(new URL('../../../bin/handshake.mjs', import.meta.url));

let folder: Awaited<ReturnType<typeof tempFolder>>;
let dataDir: string;

function handshake(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: folder.path, encoding: 'utf8', env: { ...process.env, HANDSHAKE_DATA_DIR: dataDir } },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Each command starts Node and tsx (about a second), and a test runs several.
const SLOW = { timeout: 30_000 };

const idIn = (stdout: string) => /^Certificate ID: ([0-9a-f]{64})$/m.exec(stdout)?.[1] ?? '';

beforeAll(async () => {
  folder = await tempFolder('handshake-cert-cli-');
  dataDir = join(folder.path, 'lab-data');
});
afterAll(async () => {
  await folder?.remove();
});

describe('handshake cert create', SLOW, () => {
  it('writes <cn>.crt and an owner-only <cn>.key, prints the ID, and OpenSSL verifies it', async () => {
    const { code, stdout, stderr } = await handshake('cert', 'create', '--cn', 'cli-sensor');

    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(
      /^Made the lab CA \(first use\): CN=Handshake Lab Root CA,O=Handshake Lab$/m,
    );
    expect(idIn(stdout)).toMatch(/^[0-9a-f]{64}$/);
    expect(stdout).toMatch(
      /^ {2}status {3}INACTIVE {2}\(to connect: handshake cert update [0-9a-f]{12} --status ACTIVE\)$/m,
    );
    expect((await stat(join(folder.path, 'cli-sensor.key'))).mode & 0o777).toBe(0o600);
    const key = await readFile(join(folder.path, 'cli-sensor.key'), 'utf8');
    expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const verify = spawnSync(
      OPENSSL,
      [
        'verify',
        '-CAfile',
        join(dataDir, 'ca', 'lab-root-ca.pem'),
        join(folder.path, 'cli-sensor.crt'),
      ],
      { encoding: 'utf8' },
    );
    expect(verify.stdout).toBe(`${join(folder.path, 'cli-sensor.crt')}: OK\n`);
  });

  it('makes a P-256 key, ACTIVE, into --out-dir, with a file name safe for any common name', async () => {
    const { code, stdout } = await handshake(
      'cert',
      'create',
      '--cn',
      'kitchen/sensor 2',
      '--algorithm',
      'P-256',
      '--set-as-active',
      '--out-dir',
      'keys',
    );

    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}status {3}ACTIVE$/m);
    expect(stdout).toContain('keys/kitchen-sensor-2.crt');
    const cert = await readFile(join(folder.path, 'keys', 'kitchen-sensor-2.crt'), 'utf8');
    expect(cert).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  });

  it('refuses to overwrite a key already there, before making anything', async () => {
    const before = (await handshake('cert', 'list')).stdout;

    const { code, stderr } = await handshake('cert', 'create', '--cn', 'cli-sensor');

    expect(code).toBe(1);
    expect(stderr).toBe(
      'handshake cert create: cli-sensor.crt already exists. Choose another --cn or --out-dir, or move it away.\n',
    );
    expect((await handshake('cert', 'list')).stdout).toBe(before);
  });

  it('a missing --cn or an unknown algorithm exits 2 with the usage', async () => {
    const missing = await handshake('cert', 'create');
    const algorithm = await handshake('cert', 'create', '--cn', 'x', '--algorithm', 'RSA-1024');

    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^handshake cert create: --cn NAME is required/);
    expect(missing.stderr).toContain('Usage: handshake cert <lab-ca|create|list|update|attach-policy>');
    expect(algorithm.code).toBe(2);
    expect(algorithm.stderr).toMatch(
      /^handshake cert create: --algorithm must be RSA-2048 or P-256 \(got 'RSA-1024'\)\./,
    );
  });
});

describe('handshake cert lab-ca, list and update', SLOW, () => {
  it('lab-ca prints where the CA file is and its subject', async () => {
    const { code, stdout } = await handshake('cert', 'lab-ca');

    expect(code).toBe(0);
    expect(stdout).toMatch(/^Lab CA: CN=Handshake Lab Root CA,O=Handshake Lab$/m);
    expect(stdout).toMatch(/^ {2}certificate {2}lab-data\/ca\/lab-root-ca\.pem /m);
  });

  it('update takes a prefix of the ID, and refuses to bring back a revoked certificate', async () => {
    const id = idIn(
      (await handshake('cert', 'create', '--cn', 'to-revoke', '--algorithm', 'P-256')).stdout,
    );

    const revoked = await handshake('cert', 'update', id.slice(0, 10), '--status', 'REVOKED');
    const back = await handshake('cert', 'update', id, '--status', 'ACTIVE');
    const list = await handshake('cert', 'list');

    expect(revoked.stdout).toBe(
      `Certificate ${id.slice(0, 8)}… (CN=to-revoke): INACTIVE -> REVOKED\n`,
    );
    expect(back.code).toBe(1);
    expect(back.stderr).toContain('cannot move from REVOKED to ACTIVE');
    expect(list.stdout).toMatch(/^CERTIFICATE ID +STATUS +ORIGIN +NOT AFTER +SUBJECT$/m);
    expect(list.stdout).toMatch(
      new RegExp(`^${id} +REVOKED +create-keys-and-certificate +\\S+ +CN=to-revoke$`, 'm'),
    );
  });

  it('a running lab server on the same folder sees what the command made, and the other way round', async () => {
    const lab = await startRegistryLab(dataDir);
    try {
      const id = idIn(
        (await handshake('cert', 'create', '--cn', 'seen-by-server', '--algorithm', 'P-256'))
          .stdout,
      );
      const seen = await fetch(`${lab.base}/api/registry/certificates/${id}`).then((r) => r.json());
      await fetch(`${lab.base}/api/registry/certificates/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'ACTIVE' }),
      });

      const list = await handshake('cert', 'list');

      expect(seen).toMatchObject({ certificateId: id, subject: 'CN=seen-by-server' });
      expect(list.stdout).toMatch(new RegExp(`^${id} +ACTIVE `, 'm'));
    } finally {
      await lab.stop();
    }
  });
});

describe('handshake cert attach-policy', SLOW, () => {
  it('creates the policy, attaches it, and a second run makes version 2', async () => {
    const made = await handshake('cert', 'create', '--cn', 'policy-sensor', '--set-as-active');
    const id = idIn(made.stdout);
    expect(made.stdout).toContain(
      `  policy   none yet: a device connects only when a policy allows iot:Connect\n` +
        `           (handshake cert attach-policy ${id.slice(0, 12)} --file policy.json)`,
    );
    const policy = join(folder.path, 'sensor-policy.json');
    await writeFile(
      policy,
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'iot:Connect', Resource: '*' }],
      }),
    );

    const first = await handshake('cert', 'attach-policy', id.slice(0, 12), '--file', policy);
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toMatch(
      new RegExp(
        `^Policy sensor-policy version 1 is in force for certificate ${id.slice(0, 8)}`,
        'm',
      ),
    );
    const second = await handshake('cert', 'attach-policy', id, '--file', policy);
    expect(second.stdout).toMatch(/^Policy sensor-policy version 2 is in force/m);
  });

  it('refuses a policy that is not JSON with the place of the problem, exit 1', async () => {
    const made = await handshake('cert', 'create', '--cn', 'bad-policy-sensor');
    const policy = join(folder.path, 'broken.json');
    await writeFile(policy, '{"Version": "2012-10-17", "Statement": [],}');

    const result = await handshake('cert', 'attach-policy', idIn(made.stdout), '--file', policy);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^handshake cert attach-policy: .*line 1, column \d+/m);
  });
});
