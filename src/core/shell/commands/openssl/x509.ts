/**
 * `openssl x509`: with -req, a CA signs a CSR into a device certificate (`-in csr -CA ca.crt
 * -CAkey ca.key [-CAcreateserial] -days N -out crt`); otherwise it prints what a certificate
 * holds (`-text`, `-subject`, `-issuer`, `-serial`, `-dates`, `-fingerprint [-sha256]`), in the
 * order asked, then the PEM unless -noout, as OpenSSL 3 does.
 */
import { toHex } from '../../../pki/bytes.ts';
import type { Certificate } from '../../../pki/certificate.ts';
import { signCertificationRequest } from '../../../pki/certificate-signing-request.ts';
import type { CryptoPort } from '../../../pki/crypto-port.ts';
import { fingerprints } from '../../../pki/fingerprint.ts';
import { importPrivateKey } from '../../../pki/import-key.ts';
import { encodePem } from '../../../pki/pem.ts';
import type { CommandContext } from '../../command.ts';
import { fileName } from '../../file-area.ts';
import type { ParsedOptions } from '../../options.ts';
import {
  OPENSSL_FAILURE,
  onelineName,
  opensslDate,
  readCertificateFile,
  readDays,
  readFile,
  readRequestFile,
  required,
  writeOutput,
  type OpensslSubcommand,
} from './openssl-common.ts';
import { x509Text } from './x509-text.ts';

/** The options that print something, in the words OpenSSL uses for each. */
const PRINTERS = ['-text', '-subject', '-issuer', '-serial', '-dates', '-fingerprint'] as const;

export const x509: OpensslSubcommand = {
  name: 'x509',
  summary: 'print what a certificate holds, or with -req sign a CSR with a CA',
  options: [
    {
      flag: '-in',
      value: 'file',
      summary: 'the certificate (or with -req the CSR)',
      complete: 'file',
    },
    { flag: '-out', value: 'file', summary: 'write the certificate to a file', complete: 'file' },
    { flag: '-noout', summary: 'do not print the certificate itself' },
    { flag: '-text', summary: 'print every field' },
    { flag: '-subject', summary: 'print the subject name' },
    { flag: '-issuer', summary: 'print the issuer name' },
    { flag: '-serial', summary: 'print the serial number' },
    { flag: '-dates', summary: 'print the validity dates' },
    {
      flag: '-fingerprint',
      summary: 'print a hash of the whole certificate (SHA-1 unless -sha256)',
    },
    { flag: '-sha256', summary: 'with -fingerprint: use SHA-256' },
    { flag: '-sha1', summary: 'with -fingerprint: use SHA-1' },
    { flag: '-req', summary: 'the input is a CSR to sign' },
    { flag: '-CA', value: 'file', summary: 'with -req: the CA certificate', complete: 'file' },
    { flag: '-CAkey', value: 'file', summary: "with -req: the CA's private key", complete: 'file' },
    { flag: '-CAcreateserial', summary: 'with -req: write the serial number to <CA>.srl' },
    { flag: '-days', value: 'n', summary: 'with -req: days the certificate is valid (30)' },
  ],
  async run(ctx, args, crypto) {
    const input = required(ctx, 'x509', args, '-in', 'the page has no standard input; name a file');
    if (input === undefined) return OPENSSL_FAILURE;

    if (args.values.has('-req')) return signRequest(ctx, args, crypto, input);

    const certificate = await readCertificateFile(ctx, 'x509', input);
    if (certificate === undefined) return OPENSSL_FAILURE;

    for (const flag of args.values.keys()) {
      if ((PRINTERS as readonly string[]).includes(flag)) {
        ctx.stdout.write(await printed(flag, certificate, args, crypto));
      }
    }
    if (args.values.has('-noout')) return 0;

    const pem = encodePem('CERTIFICATE', certificate.der);
    const out = args.values.get('-out')?.at(-1);
    return (await writeOutput(ctx, 'x509', out, pem)) ? 0 : OPENSSL_FAILURE;
  },
};

async function printed(
  flag: string,
  c: Certificate,
  args: ParsedOptions,
  crypto: CryptoPort,
): Promise<string> {
  switch (flag) {
    case '-text':
      return x509Text(c);
    case '-subject':
      return `subject=${onelineName(c.subject)}\n`;
    case '-issuer':
      return `issuer=${onelineName(c.issuer)}\n`;
    case '-serial':
      return `serial=${c.serialNumber.toUpperCase()}\n`;
    case '-dates':
      return (
        `notBefore=${opensslDate(c.validity.notBefore)}\n` +
        `notAfter=${opensslDate(c.validity.notAfter)}\n`
      );
    default: {
      // OpenSSL 3.0 names a digest given as an option in lower case, its default SHA-1 as SHA1.
      const prints = await fingerprints(crypto, c.der);
      if (args.values.has('-sha256')) return `sha256 Fingerprint=${prints.sha256}\n`;
      const name = args.values.has('-sha1') ? 'sha1' : 'SHA1';
      return `${name} Fingerprint=${prints.sha1}\n`;
    }
  }
}

/** -req: the CA checks the CSR's signature, then issues a device certificate for its key. */
async function signRequest(
  ctx: CommandContext,
  args: ParsedOptions,
  crypto: CryptoPort,
  input: string,
): Promise<number> {
  const caPath = required(ctx, 'x509', args, '-CA', 'name the CA certificate that signs');
  const caKeyPath = required(ctx, 'x509', args, '-CAkey', "name the CA's private key");
  if (caPath === undefined || caKeyPath === undefined) return OPENSSL_FAILURE;

  const request = await readRequestFile(ctx, 'x509', input);
  const caCertificate = request && (await readCertificateFile(ctx, 'x509', caPath));
  const caKeyText = caCertificate && (await readFile(ctx, 'x509', caKeyPath, "the CA's key"));
  const notAfter = readDays(ctx, 'x509', args, ctx.clock.now());
  if (!request || !caCertificate || caKeyText === undefined || !notAfter) return OPENSSL_FAILURE;

  const issued = await signCertificationRequest(crypto, {
    csr: request,
    issuer: { certificate: caCertificate, keyPair: await importPrivateKey(crypto, caKeyText) },
    notBefore: new Date(Math.floor(ctx.clock.now() / 1000) * 1000),
    notAfter,
  });
  ctx.stderr.write('Certificate request self-signature ok\n');
  ctx.stderr.write(`subject=${onelineName(issued.certificate.subject)}\n`);

  if (args.values.has('-CAcreateserial')) {
    await writeSerialFile(ctx, caPath, issued.certificate.serialNumber);
  }
  const out = args.values.get('-out')?.at(-1);
  return (await writeOutput(ctx, 'x509', out, issued.pem)) ? 0 : OPENSSL_FAILURE;
}

/** `ca.crt` → `ca.srl`, holding the serial just used, as OpenSSL keeps it beside the CA. */
async function writeSerialFile(ctx: CommandContext, caPath: string, serial: string) {
  const base = caPath.replace(/\.[^.]*$/, '');
  const name = fileName(`${base}.srl`);
  if (!name.ok) return;

  await ctx.files.write(name.name, `${serial.toUpperCase() || toHex(new Uint8Array([0]))}\n`);
}
