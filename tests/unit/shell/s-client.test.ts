import { describe, expect, test } from 'vitest';
import { MemoryFileArea, Shell } from '../../../src/core/shell/index.ts';
import type { TlsDevice, TlsPort } from '../../../src/core/shell/tls-port.ts';
import type { HandshakeReport } from '../../../src/core/tls/handshake-report.ts';
import { FakeBroker, ManualClock, run } from './fakes.ts';
import { crypto } from './pki-lab.ts';

const hello = (from: 'client' | 'server', message: string) => ({
  message,
  from,
  summary: '',
  carries: [],
  checks: [],
});

const CONNECTED: HandshakeReport = {
  mode: 'emulated',
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_128_GCM_SHA256',
  outcome: 'connected',
  steps: [
    hello('client', 'ClientHello'),
    hello('server', 'ServerHello'),
    hello('client', 'Finished'),
  ],
  alert: null,
  failure: null,
  identity: {
    certificateId: 'ab'.repeat(32),
    subject: 'CN=sensor-01',
    issuer: 'CN=Handshake Lab Root CA',
    serialNumber: '01',
    notBefore: '2026-01-01T00:00:00Z',
    notAfter: '2027-01-01T00:00:00Z',
    commonNames: ['sensor-01'],
  },
};

const UNKNOWN_CA: HandshakeReport = {
  ...CONNECTED,
  mode: 'real',
  protocol: null,
  cipher: null,
  outcome: 'failed',
  steps: [
    hello('client', 'ClientHello'),
    {
      ...hello('client', 'Certificate'),
      checks: [
        {
          by: 'server',
          what: 'Chain to a registered CA',
          passed: false,
          detail: 'no CA registered',
        },
      ],
    },
  ],
  alert: { by: 'server', name: 'unknown_ca', code: 48 },
  failure: {
    code: 'unknown-ca',
    message: 'The broker does not know the CA that issued the certificate.',
  },
  identity: null,
};

function labWith(report: HandshakeReport) {
  const sent: TlsDevice[] = [];
  const tls: TlsPort = {
    handshake: async (device) => {
      sent.push(device);
      return { ok: true, report, label: 'Lab server', address: '127.0.0.1:8883' };
    },
  };
  const files = new MemoryFileArea({ 'd.crt': 'CERT', 'd.key': 'KEY', 'ca.pem': 'CA' });
  const shell = new Shell({ files, mqtt: new FakeBroker(), clock: new ManualClock(), crypto, tls });
  return { shell, sent };
}

describe('openssl s_client', () => {
  test('a handshake the broker accepts: CONNECTED, the messages, Verification: OK, exit 0', async () => {
    const lab = labWith(CONNECTED);
    const ran = await run(
      lab.shell,
      'openssl s_client -connect 127.0.0.1:8883 -cert d.crt -key d.key -CAfile ca.pem -servername localhost',
    );
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe(
      'CONNECTED(00000003)\n' +
        '>>> TLS 1.3, Handshake, ClientHello\n' +
        '<<< TLS 1.3, Handshake, ServerHello\n' +
        '>>> TLS 1.3, Handshake, Finished\n' +
        '---\nVerification: OK\n---\nNew, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256\n---\n',
    );
    expect(ran.stderr).toContain("note: emulated: the in-page lab's model of TLS 1.3");
    expect(ran.stderr).toContain('note: the broker accepted the device as CN=sensor-01');
    expect(lab.sent).toEqual([
      { certificatePem: 'CERT', privateKeyPem: 'KEY', caPem: 'CA', serverName: 'localhost' },
    ]);
  });

  test('an alert ends it with OpenSSL’s alert line and number, the reason, and exit 1', async () => {
    const ran = await run(labWith(UNKNOWN_CA).shell, 'openssl s_client -cert d.crt -key d.key');
    expect(ran.status).toBe(1);
    expect(ran.stdout).toBe(
      'CONNECTED(00000003)\n' +
        '>>> TLS 1.3, Handshake, ClientHello\n' +
        '>>> TLS 1.3, Handshake, Certificate\n' +
        'verify error:Chain to a registered CA: no CA registered\n' +
        '<<< TLS 1.3, Alert, fatal unknown_ca\n' +
        'error:SSL routines::tlsv1 alert unknown ca:SSL alert number 48\n' +
        '---\nThe broker does not know the CA that issued the certificate.\n',
    );
    expect(ran.stderr).toContain('note: real TLS: the lab server ran this handshake');
  });

  test('TLS completes but the lab refuses CONNECT: the TLS summary, then a note, exit 0', async () => {
    const refused: HandshakeReport = {
      ...CONNECTED,
      mode: 'real',
      outcome: 'failed',
      steps: [
        hello('client', 'ClientHello'),
        hello('client', 'CONNECT'),
        {
          ...hello('server', 'CONNACK'),
          checks: [{ by: 'server', what: 'MQTT session', passed: false, detail: 'not authorized' }],
        },
      ],
      failure: { code: 'mqtt-refused', message: 'The broker answered CONNECT with 5.' },
    };
    const ran = await run(labWith(refused).shell, 'openssl s_client -cert d.crt -key d.key');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe(
      'CONNECTED(00000003)\n>>> TLS 1.3, Handshake, ClientHello\n>>> MQTT, CONNECT\n' +
        '<<< MQTT, CONNACK\nrefused:MQTT session: not authorized\n' +
        '---\nVerification: OK\n---\nNew, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256\n---\n',
    );
    expect(ran.stderr).toContain(
      'note: after the handshake: The broker answered CONNECT with 5.\n',
    );
  });

  test('without -cert it says the lab asks every device for one', async () => {
    const ran = await run(labWith(CONNECTED).shell, 'openssl s_client -key d.key');
    expect(ran).toEqual({
      status: 1,
      stdout: '',
      stderr: 's_client: No -cert given: the lab asks every device for one\n',
    });
  });
});
