import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CaRecord,
  CertificateRecord,
  CreatedKeysAndCertificate,
} from '../../../src/core/lab/certificate-registry.ts';
import {
  csrFor,
  deviceOf,
  OPENSSL,
  ownCa,
  startRegistryLab,
  tamper,
  type RegistryLab,
} from './support.ts';

let lab: RegistryLab;

beforeAll(async () => {
  lab = await startRegistryLab();
});
afterAll(async () => {
  await lab?.stop();
});

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${lab.base}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : {
          headers: { 'content-type': 'application/json' },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
  });
  const text = await res.text();
  return {
    status: res.status,
    res,
    json: text ? (JSON.parse(text) as Record<string, any>) : undefined,
  };
}

const create = (body: Record<string, unknown>) => call('POST', '/api/registry/certificates', body);
const short = (id: string) => `${id.slice(0, 8)}…`;

describe('GET /api/registry/lab-ca and /api/registry/cas', () => {
  it('gives the lab CA record with its PEM, and never its key', async () => {
    const { status, json, res } = await call('GET', '/api/registry/lab-ca');

    expect(status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json).toMatchObject({
      subject: 'CN=Handshake Lab Root CA,O=Handshake Lab',
      isLabCa: true,
      status: 'ACTIVE',
    });
    expect(json!.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(JSON.stringify(json)).not.toContain('PRIVATE KEY');
    const cas = await call('GET', '/api/registry/cas');
    expect(cas.json!.cas.map((ca: CaRecord) => ca.caCertificateId)).toContain(
      json!.caCertificateId,
    );
  });
});

describe('POST and PATCH /api/registry/cas', () => {
  it('registers a CA (201), refuses it twice (409) and a non-CA (400), and sets its status', async () => {
    const { ca, device } = await ownCa('API CA');

    const registered = await call('POST', '/api/registry/cas', { pem: ca.issued.pem });
    const twice = await call('POST', '/api/registry/cas', { pem: ca.issued.pem });
    const notCa = await call('POST', '/api/registry/cas', { pem: device.pem });
    const id = registered.json!.caCertificateId as string;
    const activated = await call('PATCH', `/api/registry/cas/${id}`, { status: 'ACTIVE' });
    const missing = await call('PATCH', `/api/registry/cas/${'0'.repeat(64)}`, {
      status: 'ACTIVE',
    });

    expect([registered.status, registered.json!.status]).toEqual([201, 'INACTIVE']);
    expect([twice.status, twice.json!.error.code]).toEqual([409, 'ca-exists']);
    expect([notCa.status, notCa.json!.error.code]).toEqual([400, 'not-a-ca']);
    expect([activated.status, activated.json!.status]).toEqual([200, 'ACTIVE']);
    expect([missing.status, missing.json!.error.code]).toEqual([404, 'ca-not-found']);
  });
});

describe('POST /api/registry/certificates', () => {
  it('create-keys-and-certificate: 201 with the key once; OpenSSL verifies it against the lab CA file', async () => {
    const { status, json } = await create({
      action: 'create-keys-and-certificate',
      commonName: 'api-sensor',
    });
    const made = json as CreatedKeysAndCertificate;

    expect(status).toBe(201);
    expect(made.certificate).toMatchObject({ subject: 'CN=api-sensor', status: 'INACTIVE' });
    expect(made.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const leaf = join(lab.dataDir, 'device.crt');
    await writeFile(leaf, made.certificate.pem);
    const verify = spawnSync(
      OPENSSL,
      ['verify', '-CAfile', join(lab.dataDir, 'ca', 'lab-root-ca.pem'), leaf],
      {
        encoding: 'utf8',
      },
    );
    expect(verify.stderr).toBe('');
    expect(verify.stdout).toBe(`${leaf}: OK\n`);
    expect(lab.registryLines()).toContain(
      `lab:registry certificate ${short(made.certificate.certificateId)} new -> INACTIVE via=create-keys-and-certificate subject="CN=api-sensor"`,
    );
  });

  it('create-certificate-from-csr: signs a good CSR, and refuses a tampered one with 400', async () => {
    const csr = await csrFor('csr-sensor');

    const good = await create({
      action: 'create-certificate-from-csr',
      csrPem: csr.pem,
      setAsActive: true,
    });
    const bad = await create({
      action: 'create-certificate-from-csr',
      csrPem: tamper(csr.der, 'csr-sensor', 'csr-sensoR'),
    });

    expect([good.status, good.json!.status, good.json!.origin]).toEqual([
      201,
      'ACTIVE',
      'create-certificate-from-csr',
    ]);
    expect([bad.status, bad.json!.error.code]).toEqual([400, 'csr-signature-invalid']);
  });

  it('register-certificate: takes a certificate from a registered CA, refuses one from an unknown CA', async () => {
    const { ca, device } = await ownCa('Registered API CA');
    const stranger = await ownCa('Stranger CA');
    await call('POST', '/api/registry/cas', { pem: ca.issued.pem, status: 'ACTIVE' });

    const registered = await create({
      action: 'register-certificate',
      pem: device.pem,
      status: 'ACTIVE',
    });
    const unknown = await create({ action: 'register-certificate', pem: stranger.device.pem });
    const twice = await create({ action: 'register-certificate', pem: device.pem });

    expect([registered.status, registered.json!.status]).toEqual([201, 'ACTIVE']);
    expect([unknown.status, unknown.json!.error.code]).toEqual([400, 'ca-not-registered']);
    expect([twice.status, twice.json!.error.code]).toEqual([409, 'certificate-exists']);
  });

  it('names a wrong action, a missing field and a field of the wrong type', async () => {
    const action = await create({ action: 'make-one' });
    const missing = await create({ action: 'create-keys-and-certificate' });
    const type = await create({
      action: 'create-keys-and-certificate',
      commonName: 'x',
      setAsActive: 'yes',
    });
    const algorithm = await create({
      action: 'create-keys-and-certificate',
      commonName: 'x',
      algorithm: 'DSA',
    });

    expect([action.status, action.json!.error]).toEqual([
      400,
      {
        code: 'invalid-request',
        message:
          '"action" is "make-one"; it must be one of create-keys-and-certificate, create-certificate-from-csr, register-certificate.',
      },
    ]);
    expect(missing.json!.error.message).toBe('"commonName" must be a string, and it is missing.');
    expect(type.json!.error.message).toBe('"setAsActive" must be true or false, not "yes".');
    expect([algorithm.status, algorithm.json!.error.code]).toEqual([400, 'invalid-algorithm']);
  });
});

describe('GET, PATCH and DELETE /api/registry/certificates/:id', () => {
  let record: CertificateRecord;

  beforeAll(async () => {
    record = (
      await create({
        action: 'create-keys-and-certificate',
        commonName: 'lifecycle',
        algorithm: 'P-256',
      })
    ).json!.certificate as CertificateRecord;
  });

  it('lists and describes certificates, and answers 404 for an unknown ID', async () => {
    const list = await call('GET', '/api/registry/certificates');
    const one = await call('GET', `/api/registry/certificates/${record.certificateId}`);
    const none = await call('GET', `/api/registry/certificates/${'a'.repeat(64)}`);

    expect(list.json!.certificates.map((c: CertificateRecord) => c.certificateId)).toContain(
      record.certificateId,
    );
    expect(one.json).toEqual(record);
    expect([none.status, none.json!.error.code]).toEqual([404, 'certificate-not-found']);
  });

  it('moves a certificate through its statuses, refuses to leave REVOKED (409), and logs each change', async () => {
    const path = `/api/registry/certificates/${record.certificateId}`;

    const active = await call('PATCH', path, { status: 'ACTIVE' });
    const busy = await call('DELETE', path);
    const revoked = await call('PATCH', path, { status: 'REVOKED' });
    const back = await call('PATCH', path, { status: 'ACTIVE' });
    const deleted = await call('DELETE', path);
    const gone = await call('GET', path);

    expect([active.status, active.json!.status]).toEqual([200, 'ACTIVE']);
    expect([busy.status, busy.json!.error.code]).toEqual([409, 'certificate-active']);
    expect([revoked.status, revoked.json!.status]).toEqual([200, 'REVOKED']);
    expect([back.status, back.json!.error.code]).toEqual([409, 'invalid-transition']);
    expect(back.json!.error.message).toContain('cannot move from REVOKED to ACTIVE');
    expect([deleted.status, deleted.json]).toEqual([204, undefined]);
    expect(gone.status).toBe(404);
    const id = short(record.certificateId);
    expect(lab.registryLines().filter((line) => line.includes(id))).toEqual([
      `lab:registry certificate ${id} new -> INACTIVE via=create-keys-and-certificate subject="CN=lifecycle"`,
      `lab:registry certificate ${id} INACTIVE -> ACTIVE subject="CN=lifecycle"`,
      `lab:registry certificate ${id} ACTIVE -> REVOKED subject="CN=lifecycle"`,
      `lab:registry certificate ${id} REVOKED -> deleted subject="CN=lifecycle"`,
    ]);
  });
});

describe('what the registry API refuses before it reaches the registry', () => {
  it('a body that is not JSON: 400 naming the problem', async () => {
    const broken = await call(
      'POST',
      '/api/registry/certificates',
      '{"action": "create-keys-and-certificate",',
    );
    const array = await call('POST', '/api/registry/certificates', '[1]');
    const empty = await call('POST', '/api/registry/certificates', '');

    expect(broken.status).toBe(400);
    expect(broken.json!.error.code).toBe('invalid-json');
    expect(broken.json!.error.message).toMatch(/^The request body is not valid JSON: .+\.$/);
    expect(array.json!.error.message).toBe('The request body must be a JSON object, not an array.');
    expect(empty.json!.error.message).toBe('The request has no body; send a JSON object.');
  });

  it('a body over 256 KB: 413 saying the limit', async () => {
    const huge = { action: 'register-certificate', pem: 'A'.repeat(300 * 1024) };

    const { status, json } = await call('POST', '/api/registry/certificates', huge);

    expect(status).toBe(413);
    expect(json!.error.code).toBe('body-too-large');
    expect(json!.error.message).toMatch(
      /^The request body is \d+ bytes; the registry accepts at most 262144 \(256 KB\)\./,
    );
  });

  it('a method a path does not take: 405 with Allow; an unknown path: 404 listing the real ones', async () => {
    const put = await call('PUT', '/api/registry/certificates');
    const nowhere = await call('GET', '/api/registry/gadgets');

    expect([put.status, put.res.headers.get('allow'), put.json!.error.code]).toEqual([
      405,
      'GET, POST',
      'method-not-allowed',
    ]);
    expect([nowhere.status, nowhere.json!.error.code]).toEqual([404, 'no-such-route']);
    expect(nowhere.json!.error.message).toContain('/api/registry/certificates');
  });

  it('the rest of /api is unchanged', async () => {
    const info = await call('GET', '/api/lab');

    expect(info.json).toMatchObject({ kind: 'handshake-lab-server' });
  });
});

describe('the data folder', () => {
  it('keeps what the API made: a server started again on the folder lists the same records', async () => {
    const { ca } = await ownCa('Kept CA');
    const made = await call('POST', '/api/registry/cas', { pem: ca.issued.pem });
    const device = await deviceOf(ca, 'kept-device');
    await create({ action: 'register-certificate', pem: device.pem });

    const again = await startRegistryLab(lab.dataDir);
    try {
      const cas = await fetch(`${again.base}/api/registry/cas`).then((r) => r.json());
      const certificates = await fetch(`${again.base}/api/registry/certificates`).then((r) =>
        r.json(),
      );
      expect(cas.cas.map((c: CaRecord) => c.caCertificateId)).toContain(made.json!.caCertificateId);
      expect(certificates.certificates.map((c: CertificateRecord) => c.subject)).toContain(
        'CN=kept-device',
      );
    } finally {
      await again.stop();
    }
  });
});
