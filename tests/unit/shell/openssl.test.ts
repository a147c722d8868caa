import { describe, expect, test } from 'vitest';
import {
  createRootCa,
  decodeSync,
  generateKeyPair,
  issueCertificate,
  type Certificate,
} from '../../../src/core/pki/index.ts';
import { serialText } from '../../../src/widgets/pki/CertificateSummary.tsx';
import { complete } from '../../../src/core/shell/index.ts';
import { run } from './fakes.ts';
import { crypto, makePkiLab } from './pki-lab.ts';

/** The certificate in a file of the lab, as the course's decoder (and so the inspector) reads it. */
async function certificateIn(
  files: { read(n: string): Promise<string | undefined> },
  name: string,
) {
  const block = decodeSync((await files.read(name))!).blocks[0]!;
  if (block.status !== 'decoded' || block.object.kind !== 'certificate') throw new Error(name);
  return block.object as Certificate;
}

/** A CA and a device certificate made by typing, as the certificates lesson asks. */
async function workshop() {
  const lab = makePkiLab();
  const lines = [
    'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key',
    "openssl req -new -x509 -key ca.key -subj '/CN=Workshop CA/O=Handshake' -days 365 -out ca.crt",
    'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out device.key',
    "openssl req -new -key device.key -subj '/CN=sensor-01/O=Handshake' -out device.csr",
    'openssl x509 -req -in device.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 90 -out device.crt',
  ];
  for (const line of lines) {
    const ran = await run(lab.shell, line);
    expect(ran.status, `${line}\n${ran.stderr}`).toBe(0);
  }
  return lab;
}

describe('openssl in the lab terminal', () => {
  test('genpkey, req and x509 -req with a CA give a certificate that verify says is OK', async () => {
    const lab = await workshop();
    expect(await lab.files.read('device.key')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(await lab.files.read('device.csr')).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);

    const device = await certificateIn(lab.files, 'device.crt');
    expect((await lab.files.read('ca.srl'))!.trim()).toBe(device.serialNumber.toUpperCase());

    expect(await run(lab.shell, 'openssl verify -CAfile ca.crt device.crt')).toEqual({
      status: 0,
      stdout: 'device.crt: OK\n',
      stderr: '',
    });
  });

  test('x509 -req says the CSR signature was checked and names the subject', async () => {
    const lab = await workshop();
    const ran = await run(
      lab.shell,
      'openssl x509 -req -in device.csr -CA ca.crt -CAkey ca.key -days 30 -out again.crt',
    );
    expect(ran).toEqual({
      status: 0,
      stdout: '',
      stderr: 'Certificate request self-signature ok\nsubject=O = Handshake, CN = sensor-01\n',
    });
  });

  test('x509 -text shows the subject, issuer, serial and validity the decoder reads', async () => {
    const lab = await workshop();
    const device = await certificateIn(lab.files, 'device.crt');
    const ran = await run(lab.shell, 'openssl x509 -in device.crt -text -noout');
    expect(ran.status).toBe(0);

    const lines = ran.stdout.split('\n');
    const serial = device.serialNumber.match(/../g)!.join(':');
    expect(lines.slice(0, 5)).toEqual([
      'Certificate:',
      '    Data:',
      '        Version: 3 (0x2)',
      '        Serial Number:',
      `            ${serial}`,
    ]);
    expect(lines).toContain('        Issuer: O = Handshake, CN = Workshop CA');
    expect(lines).toContain('        Subject: O = Handshake, CN = sensor-01');
    expect(lines).toContain('            Public Key Algorithm: rsaEncryption');
    expect(lines).toContain('                Public-Key: (2048 bit)');
    expect(lines).toContain('                Exponent: 65537 (0x10001)');
    expect(lines).toContain('        Signature Algorithm: ecdsa-with-SHA256');

    const date = (d: Date) => {
      const month = d.toUTCString().slice(8, 11);
      const day = String(d.getUTCDate()).padStart(2, ' ');
      return `${month} ${day} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()} GMT`;
    };
    expect(lines).toContain(`            Not Before: ${date(device.validity.notBefore)}`);
    expect(lines).toContain(`            Not After : ${date(device.validity.notAfter)}`);
    expect(device.validity.notAfter.getTime() - device.validity.notBefore.getTime()).toBe(
      90 * 86_400_000,
    );
  });

  test('a certificate made with the workshop’s code reads the same in x509 as in the inspector', async () => {
    const ca = await createRootCa(crypto, { subject: { O: 'Handshake', CN: 'Workshop CA' } });
    const device = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: 'sensor-01' },
      publicKey: await generateKeyPair(crypto, 'P-256'),
      issuer: ca,
      serialNumber: new Uint8Array([0x01, 0x23]),
      notBefore: new Date('2026-01-02T03:04:05Z'),
      notAfter: new Date('2027-01-02T03:04:05Z'),
    });
    const lab = makePkiLab({ files: { 'device.crt': device.pem } });
    const c = device.certificate;

    const text = (await run(lab.shell, 'openssl x509 -in device.crt -text -noout')).stdout;
    expect(text).toContain('        Serial Number: 291 (0x123)\n');
    expect(text).toContain('        Issuer: O = Handshake, CN = Workshop CA\n');
    expect(text).toContain('            Not Before: Jan  2 03:04:05 2026 GMT\n');
    expect(text).toContain('            Not After : Jan  2 03:04:05 2027 GMT\n');
    expect(text).toContain('        Subject: CN = sensor-01\n');

    // The inspector's summary (CertificateSummary) shows the same values in RFC 2253 form.
    const fields = await run(
      lab.shell,
      'openssl x509 -in device.crt -noout -serial -subject -issuer',
    );
    expect(fields.stdout).toBe(
      `serial=${serialText(c.serialNumber).replaceAll(':', '')}\n` +
        'subject=CN = sensor-01\nissuer=O = Handshake, CN = Workshop CA\n',
    );
    expect([c.subject.text, c.issuer.text]).toEqual(['CN=sensor-01', 'CN=Workshop CA,O=Handshake']);
  });

  test('x509 prints -subject, -serial and -fingerprint -sha256 in the order asked', async () => {
    const lab = await workshop();
    const device = await certificateIn(lab.files, 'device.crt');
    const ran = await run(
      lab.shell,
      'openssl x509 -in device.crt -noout -serial -subject -fingerprint -sha256',
    );
    const lines = ran.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`serial=${device.serialNumber.toUpperCase()}`);
    expect(lines[1]).toBe('subject=O = Handshake, CN = sensor-01');
    expect(lines[2]).toMatch(/^sha256 Fingerprint=([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  test('verify against the wrong CA fails as OpenSSL does: error 20 at depth 0, exit 2', async () => {
    const lab = await workshop();
    await run(
      lab.shell,
      'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out o.key',
    );
    await run(lab.shell, "openssl req -new -x509 -key o.key -subj '/CN=Other CA' -out other.crt");

    const ran = await run(lab.shell, 'openssl verify -CAfile other.crt device.crt');
    expect(ran.status).toBe(2);
    expect(ran.stdout).toBe('');
    const lines = ran.stderr.split('\n');
    expect(lines[0]).toBe('O = Handshake, CN = sensor-01');
    expect(lines[1]).toBe('error 20 at 0 depth lookup: unable to get local issuer certificate');
    expect(lines.at(-2)).toBe('error device.crt: verification failed');
  });

  test('a self-signed certificate that is not trusted is error 18', async () => {
    const lab = await workshop();
    const ran = await run(lab.shell, 'openssl verify ca.crt');
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('error 18 at 0 depth lookup: self-signed certificate\n');
  });

  test('a trusted certificate that is not self-signed needs -partial_chain, as in OpenSSL', async () => {
    const lab = await workshop();
    const strict = await run(lab.shell, 'openssl verify -CAfile device.crt device.crt');
    expect(strict.status).toBe(2);
    expect(strict.stderr).toContain(
      'error 20 at 0 depth lookup: unable to get local issuer certificate\n',
    );
    expect(
      await run(lab.shell, 'openssl verify -partial_chain -CAfile device.crt device.crt'),
    ).toEqual({
      status: 0,
      stdout: 'device.crt: OK\n',
      stderr: '',
    });
  });

  test('an expired certificate is error 10', async () => {
    const lab = await workshop();
    lab.clock.advance(91 * 86_400_000);
    const ran = await run(lab.shell, 'openssl verify -CAfile ca.crt device.crt');
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('error 10 at 0 depth lookup: certificate has expired\n');
  });

  test('pkcs12 -export bundles an RSA key and certificate, in Base64, and says so', async () => {
    const lab = await workshop();
    const ran = await run(
      lab.shell,
      'openssl pkcs12 -export -in device.crt -inkey device.key -out device.p12 -passout pass:lab',
    );
    expect(ran.status).toBe(0);
    expect(ran.stderr).toContain('device.p12 holds the PKCS #12 bytes in Base64');
    expect(await lab.files.read('device.p12')).toMatch(/^MII[A-Za-z0-9+/]+=*\n$/);
  });

  test('pkcs12 refuses an EC CA certificate, which node-forge cannot read, and says so', async () => {
    const lab = await workshop();
    const ran = await run(
      lab.shell,
      'openssl pkcs12 -export -in device.crt -inkey device.key -certfile ca.crt -out d.p12 -passout pass:lab',
    );
    expect(ran.status).toBe(1);
    expect(ran.stderr).toMatch(
      /^pkcs12: Certificate 2 for the PKCS #12 file does not have an RSA key/,
    );
  });

  test('an unknown option prints OpenSSL’s two usage lines and exits 1', async () => {
    expect(await run(makePkiLab().shell, 'openssl genpkey -algo RSA')).toEqual({
      status: 1,
      stdout: '',
      stderr: 'genpkey: Unknown option: -algo\ngenpkey: Use -help for summary.\n',
    });
  });

  test('an option without its value says it needs one, and exits 1', async () => {
    const ran = await run(makePkiLab().shell, 'openssl x509 -in');
    expect(ran).toEqual({
      status: 1,
      stdout: '',
      stderr: 'x509: Option -in needs a value\nx509: Use -help for summary.\n',
    });
  });

  test('req without -subj explains the page has no prompt, and exits 1', async () => {
    const lab = makePkiLab();
    await run(lab.shell, 'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out k');
    const ran = await run(lab.shell, 'openssl req -new -key k -out r.csr');
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain('req: No -subj given: the page has no keyboard prompt');
  });

  test('an EC key without a curve, and a weak RSA size, are refused with what to use', async () => {
    const lab = makePkiLab();
    expect((await run(lab.shell, 'openssl genpkey -algorithm EC')).stderr).toBe(
      'genpkey: An EC key needs its curve: add -pkeyopt ec_paramgen_curve:P-256.\n',
    );
    const weak = await run(
      lab.shell,
      'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024',
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('rsa_keygen_bits:1024 is not offered here');
  });

  test('an unknown subcommand lists the ones there are', async () => {
    const ran = await run(makePkiLab().shell, 'openssl s_server');
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain("openssl: Invalid command 's_server'; the commands here are:");
    expect(ran.stderr).toContain('  genpkey  make a private key\n');
  });

  test('a CA key that does not match the CA certificate is refused', async () => {
    const lab = await workshop();
    const ran = await run(
      lab.shell,
      'openssl x509 -req -in device.csr -CA ca.crt -CAkey device.key -out bad.crt',
    );
    expect(ran.status).toBe(1);
    expect(ran.stderr).toMatch(/^x509: The key pair given for the CA "CN=Workshop CA,O=Handshake"/);
  });

  test('Tab completes subcommands, their options’ words, and file names after -in', async () => {
    const lab = await workshop();
    const commands = lab.shell.registry.list();
    const names = lab.shell.names;
    expect(complete('openssl ', commands, names).candidates).toEqual([
      'genpkey',
      'pkcs12',
      'req',
      's_client',
      'verify',
      'x509',
    ]);
    expect(complete('openssl x509 -in dev', commands, names).candidates).toEqual([
      'device.crt',
      'device.csr',
      'device.key',
    ]);
    expect(complete('openssl genpkey -algorithm ', commands, names).candidates).toEqual([
      'EC',
      'RSA',
    ]);
  });
});
