import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/tls/connection-doctor.ts';
import { FAILURE_LAYER } from '../../../src/core/tls/handshake-report.ts';
import {
  buildBrokenSetup,
  registerBrokenSetup,
} from '../../../src/core/tls/broken-setup-builder.ts';
import {
  BROKEN_SETUP_IDS,
  BROKEN_SETUPS,
  NOT_YET_VALID_DAYS,
} from '../../../src/core/tls/broken-setups.ts';
import { emulateLabHandshake } from '../../../src/core/tls/lab-handshake.ts';
import { crypto, memoryLab } from './support.ts';

let lab: Awaited<ReturnType<typeof memoryLab>>;
beforeAll(async () => {
  lab = await memoryLab();
});

async function run(id: (typeof BROKEN_SETUP_IDS)[number], at?: Date) {
  const materials = await buildBrokenSetup(crypto, id, { ca: lab.ca });
  await registerBrokenSetup(lab.registry, materials);
  const report = await emulateLabHandshake(
    crypto,
    lab,
    {
      certificatePem: materials.certificatePem,
      privateKeyPem: materials.privateKeyPem,
      serverName: materials.serverName,
      unsentPem: materials.unsentPem,
    },
    at ?? materials.at,
  );
  return { materials, report };
}

describe('the gallery of broken set-ups, run through the in-page model', () => {
  it.each(BROKEN_SETUP_IDS.filter((id) => id !== 'working'))(
    '%s ends with its own failure, alert and layer',
    async (id) => {
      const setup = BROKEN_SETUPS[id];
      const { report } = await run(id);

      expect(report.outcome).toBe('failed');
      expect(report.failure?.code).toBe(setup.failure);
      expect(report.identity).toBeNull();
      const last = report.steps.at(-1)!;
      if (setup.alert) {
        expect(report.alert).toEqual({ by: setup.detectedBy, ...setup.alert });
        expect(last.message).toBe('Alert');
        expect(last.carries).toContainEqual({
          label: 'description',
          value: `${setup.alert.name} (${setup.alert.code})`,
        });
      } else {
        expect(report.alert).toBeNull();
        expect(last.message).toBe('Registry lookup');
      }
      expect(diagnose(report)?.layer).toBe(FAILURE_LAYER[setup.failure!]);
    },
  );

  it('pins the alerts a real stack sends for each case', () => {
    const alerts = Object.fromEntries(
      BROKEN_SETUP_IDS.map((id) => [id, BROKEN_SETUPS[id].alert?.code ?? null]),
    );
    expect(alerts).toEqual({
      working: null,
      expired: 45,
      'not-yet-valid': 42,
      'untrusted-ca': 48,
      'intermediate-missing': 48,
      inactive: null,
      revoked: null,
      'key-mismatch': 51,
      'server-name-mismatch': 42,
      'no-client-auth-usage': 43,
      'no-client-certificate': 116,
    });
  });

  it('the working set-up connects as its certificate', async () => {
    const { materials, report } = await run('working');

    expect(report.failure).toBeNull();
    expect(report.outcome).toBe('connected');
    const der = materials.device!.certificate.der;
    const sha256 = Buffer.from(await crypto.subtle.digest('SHA-256', der)).toString('hex');
    expect(report.identity).toMatchObject({
      certificateId: sha256,
      commonNames: ['gallery-working'],
      subject: 'CN=gallery-working,O=Handshake Lab',
      issuer: 'CN=Handshake Lab Root CA,O=Handshake Lab',
    });
    expect(report.steps.map((s) => `${s.from}:${s.message}`)).toEqual([
      'client:ClientHello',
      'server:ServerHello',
      'server:EncryptedExtensions',
      'server:CertificateRequest',
      'server:Certificate',
      'server:CertificateVerify',
      'server:Finished',
      'client:Certificate',
      'client:CertificateVerify',
      'client:Finished',
      'server:Registry lookup',
    ]);
    expect(report.mode).toBe('emulated');
    expect(report.protocol).toBe('TLSv1.3 (model)');
    expect(report.cipher).toBe('TLS_AES_128_GCM_SHA256');
  });

  it('an RSA-2048 device connects too, signing with RSA-PSS', async () => {
    const materials = await buildBrokenSetup(
      crypto,
      'working',
      { ca: lab.ca },
      { algorithm: 'RSA-2048' },
    );
    await registerBrokenSetup(lab.registry, materials);
    const report = await emulateLabHandshake(crypto, lab, materials);

    expect(report.outcome).toBe('connected');
    const verify = report.steps.filter((s) => s.message === 'CertificateVerify')[1]!;
    expect(verify.carries[0]).toEqual({ label: 'algorithm', value: 'rsa_pss_rsae_sha256' });
  });

  it('a not-yet-valid certificate connects once the clock reaches notBefore', async () => {
    const { materials, report } = await run('not-yet-valid');
    expect(report.failure?.code).toBe('client-certificate-not-yet-valid');

    const later = new Date(
      materials.at.getTime() + (NOT_YET_VALID_DAYS.notBefore + 1) * 86_400_000,
    );
    const moved = await emulateLabHandshake(crypto, lab, materials, later);
    expect(moved.failure).toBeNull();
    expect(moved.outcome).toBe('connected');
  });

  it('without the intermediate it held, the same chain is only an unknown CA', async () => {
    const materials = await buildBrokenSetup(crypto, 'intermediate-missing', { ca: lab.ca });
    await registerBrokenSetup(lab.registry, materials);

    const unexplained = await emulateLabHandshake(crypto, lab, { ...materials, unsentPem: '' });
    expect(unexplained.failure?.code).toBe('unknown-ca');
    expect(unexplained.alert?.name).toBe('unknown_ca');

    // Sending the chain gets past TLS; the device certificate was never registered.
    const chained = await emulateLabHandshake(crypto, lab, {
      ...materials,
      certificatePem: materials.certificatePem + materials.unsentPem,
      unsentPem: '',
    });
    expect(chained.failure?.code).toBe('certificate-unregistered');
  });
});
