/**
 * `openssl pkcs12 -export -in crt -inkey key [-certfile ca] [-name n] -out p12 -passout pass:x`:
 * a key and its certificates in one password-protected PKCS #12 file (src/core/pki/pkcs12.ts;
 * RSA keys only, as node-forge writes them). The file area holds text, so the file's bytes are
 * kept in Base64, and the command says so.
 */
import { toBase64 } from '../../../pki/bytes.ts';
import { importPrivateKey } from '../../../pki/import-key.ts';
import { exportPkcs12 } from '../../../pki/pkcs12.ts';
import {
  OPENSSL_FAILURE,
  objectsIn,
  readCertificateFile,
  readFile,
  required,
  writeOutput,
  type OpensslSubcommand,
} from './openssl-common.ts';

export const pkcs12: OpensslSubcommand = {
  name: 'pkcs12',
  summary: 'bundle a key and its certificates in one password-protected PKCS #12 file',
  options: [
    { flag: '-export', summary: 'make a PKCS #12 file (reading one is not offered here)' },
    { flag: '-in', value: 'file', summary: 'the certificate', complete: 'file' },
    { flag: '-inkey', value: 'file', summary: 'its private key (RSA)', complete: 'file' },
    { flag: '-certfile', value: 'file', summary: 'CA certificates to add', complete: 'file' },
    { flag: '-name', value: 'name', summary: 'a friendly name, such as the thing name' },
    { flag: '-out', value: 'file', summary: 'the file to write', complete: 'file' },
    { flag: '-passout', value: 'pass:word', summary: 'the password, as pass:word' },
  ],
  async run(ctx, args, crypto) {
    if (!args.values.has('-export')) {
      ctx.stderr.write('pkcs12: Only -export is offered here: it makes a PKCS #12 file\n');
      return OPENSSL_FAILURE;
    }
    const certPath = required(ctx, 'pkcs12', args, '-in', 'name the certificate');
    const keyPath = required(ctx, 'pkcs12', args, '-inkey', 'name its private key');
    const out = required(ctx, 'pkcs12', args, '-out', 'the file is binary; name a file');
    const passout = required(
      ctx,
      'pkcs12',
      args,
      '-passout',
      'the page has no password prompt; add -passout pass:yourpassword',
    );
    if (!certPath || !keyPath || !out || passout === undefined) return OPENSSL_FAILURE;
    if (!passout.startsWith('pass:')) {
      ctx.stderr.write(`pkcs12: Only pass:word passwords are read here; got ${passout}\n`);
      return OPENSSL_FAILURE;
    }

    const certificate = await readCertificateFile(ctx, 'pkcs12', certPath);
    const keyText = certificate && (await readFile(ctx, 'pkcs12', keyPath, 'the private key'));
    const caPath = args.values.get('-certfile')?.at(-1);
    const caText = caPath === undefined ? '' : await readFile(ctx, 'pkcs12', caPath, 'CAs');
    if (!certificate || keyText === undefined || caText === undefined) return OPENSSL_FAILURE;

    const name = args.values.get('-name')?.at(-1);
    const bytes = await exportPkcs12({
      keyPair: await importPrivateKey(crypto, keyText),
      certificates: [certificate.der, ...objectsIn(caText, 'certificate').map((c) => c.der)],
      password: passout.slice('pass:'.length),
      ...(name === undefined ? {} : { friendlyName: name }),
    });

    if (!(await writeOutput(ctx, 'pkcs12', out, `${toBase64(bytes)}\n`))) return OPENSSL_FAILURE;
    ctx.stderr.write(
      `note: your files hold text, so ${out} holds the PKCS #12 bytes in Base64 ` +
        `(${bytes.length} bytes). After downloading it, run: base64 -d ${out} > device.pfx\n`,
    );
    return 0;
  },
};
