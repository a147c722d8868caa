/**
 * `openssl req -new -key k -subj '/CN=…/O=…' [-out csr] [-x509 [-days N]]`: a certificate
 * signing request (PKCS #10) for a key the learner made, or with -x509 a self-signed CA
 * certificate, as OpenSSL's default configuration makes one (basicConstraints CA:TRUE).
 */
import { createCertificationRequest } from '../../../pki/certificate-signing-request.ts';
import { importPrivateKey } from '../../../pki/import-key.ts';
import { issueCertificate } from '../../../pki/issue-certificate.ts';
import { NAME_ATTRIBUTES, type NameAttributeKey, type NameInput } from '../../../pki/name-input.ts';
import type { CommandContext } from '../../command.ts';
import {
  OPENSSL_FAILURE,
  readDays,
  readFile,
  required,
  writeOutput,
  type OpensslSubcommand,
} from './openssl-common.ts';

export const req: OpensslSubcommand = {
  name: 'req',
  summary: 'make a certificate signing request (CSR), or with -x509 a self-signed CA certificate',
  options: [
    { flag: '-new', summary: 'make a new request' },
    { flag: '-key', value: 'file', summary: 'the private key to sign with', complete: 'file' },
    { flag: '-subj', value: 'name', summary: "the subject, e.g. '/CN=sensor-01/O=Handshake'" },
    { flag: '-out', value: 'file', summary: 'write the result to a file', complete: 'file' },
    { flag: '-x509', summary: 'make a self-signed CA certificate instead of a request' },
    { flag: '-days', value: 'n', summary: 'with -x509: days the certificate is valid (30)' },
  ],
  async run(ctx, args, crypto) {
    if (!args.values.has('-new') && !args.values.has('-x509')) {
      ctx.stderr.write(
        'req: Say -new to make a request (reading an existing one is not offered here)\n',
      );
      return OPENSSL_FAILURE;
    }
    const keyPath = required(ctx, 'req', args, '-key', 'make a key first with openssl genpkey');
    const subj = required(
      ctx,
      'req',
      args,
      '-subj',
      "the page has no keyboard prompt for the name; add -subj '/CN=sensor-01'",
    );
    if (keyPath === undefined || subj === undefined) return OPENSSL_FAILURE;

    const subject = parseSubject(ctx, subj);
    const keyText = await readFile(ctx, 'req', keyPath, 'the private key');
    if (subject === undefined || keyText === undefined) return OPENSSL_FAILURE;

    const keyPair = await importPrivateKey(crypto, keyText);
    const out = args.values.get('-out')?.at(-1);
    if (!args.values.has('-x509')) {
      const made = await createCertificationRequest(crypto, { subject, keyPair });
      return (await writeOutput(ctx, 'req', out, made.pem)) ? 0 : OPENSSL_FAILURE;
    }

    const notAfter = readDays(ctx, 'req', args, ctx.clock.now());
    if (notAfter === undefined) return OPENSSL_FAILURE;
    const issued = await issueCertificate(crypto, {
      role: 'root-ca',
      subject,
      publicKey: keyPair,
      notBefore: new Date(Math.floor(ctx.clock.now() / 1000) * 1000),
      notAfter,
    });
    return (await writeOutput(ctx, 'req', out, issued.pem)) ? 0 : OPENSSL_FAILURE;
  },
};

/**
 * `/CN=sensor-01/O=Handshake` as attributes; `\/` is a slash inside a value, as in OpenSSL.
 * Undefined after saying what is wrong.
 */
export function parseSubject(ctx: CommandContext, text: string): NameInput | undefined {
  const fail = (message: string) => {
    ctx.stderr.write(`req: ${message}\n`);
    return undefined;
  };
  if (!text.startsWith('/')) {
    return fail(`The subject must start with '/', e.g. '/CN=sensor-01/O=Handshake'; got '${text}'`);
  }

  const name: NameInput = {};
  const parts = text
    .slice(1)
    .split(/(?<!\\)\//)
    .filter((p) => p !== '');
  for (const part of parts) {
    const equals = part.indexOf('=');
    if (equals < 1) return fail(`Missing '=' after '${part}' in the subject '${text}'`);

    const key = part.slice(0, equals);
    if (!(NAME_ATTRIBUTES as readonly string[]).includes(key)) {
      return fail(
        `Subject attribute ${key} is not offered here: use ${NAME_ATTRIBUTES.join(', ')}`,
      );
    }
    name[key as NameAttributeKey] = part.slice(equals + 1).replaceAll('\\/', '/');
  }

  if (Object.keys(name).length === 0) return fail(`The subject '${text}' names nothing`);
  return name;
}
