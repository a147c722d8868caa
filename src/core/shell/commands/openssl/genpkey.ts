/**
 * `openssl genpkey -algorithm RSA|EC [-pkeyopt …] [-out file]`: a new private key made by
 * WebCrypto, written as PKCS #8 PEM, as OpenSSL 3 writes it. Only the sizes and curves AWS IoT
 * and the course's PKI code accept are offered (src/core/pki/key-pair.ts).
 */
import { generateKeyPair, privateKeyPem, type KeyAlgorithm } from '../../../pki/key-pair.ts';
import type { CommandContext } from '../../command.ts';
import type { ParsedOptions } from '../../options.ts';
import { OPENSSL_FAILURE, writeOutput, type OpensslSubcommand } from './openssl-common.ts';

const RSA_BITS = ['2048', '3072', '4096'];
/** OpenSSL's names for the curves, and the WebCrypto name each is. */
const CURVES: Record<string, KeyAlgorithm> = {
  'P-256': 'P-256',
  prime256v1: 'P-256',
  'P-384': 'P-384',
  secp384r1: 'P-384',
};

export const genpkey: OpensslSubcommand = {
  name: 'genpkey',
  summary: 'make a private key',
  options: [
    {
      flag: '-algorithm',
      value: 'alg',
      summary: 'RSA or EC',
      complete: { words: ['RSA', 'EC'] },
    },
    {
      flag: '-pkeyopt',
      value: 'opt:value',
      summary: 'rsa_keygen_bits:2048 (RSA) or ec_paramgen_curve:P-256 (EC)',
      complete: { words: ['rsa_keygen_bits:2048', 'ec_paramgen_curve:P-256'] },
    },
    { flag: '-out', value: 'file', summary: 'write the key to a file', complete: 'file' },
  ],
  async run(ctx, args, crypto) {
    const algorithm = keyAlgorithm(ctx, args);
    if (algorithm === undefined) return OPENSSL_FAILURE;

    const keyPair = await generateKeyPair(crypto, algorithm);
    const out = args.values.get('-out')?.at(-1);
    return (await writeOutput(ctx, 'genpkey', out, privateKeyPem(keyPair))) ? 0 : OPENSSL_FAILURE;
  },
};

/** The key to make from -algorithm and -pkeyopt, or undefined after saying what is wrong. */
function keyAlgorithm(ctx: CommandContext, args: ParsedOptions): KeyAlgorithm | undefined {
  const name = args.values.get('-algorithm')?.at(-1)?.toUpperCase();
  const settings = new Map(
    (args.values.get('-pkeyopt') ?? []).map((o) => [o.split(':')[0]!, o.split(':')[1] ?? '']),
  );
  const fail = (message: string) => {
    ctx.stderr.write(`genpkey: ${message}\n`);
    return undefined;
  };

  if (name === undefined) return fail('No -algorithm given: say RSA or EC.');
  if (name === 'RSA' || name === 'RSA-PSS') {
    if (name === 'RSA-PSS') return fail('RSA-PSS keys are not made here; use -algorithm RSA.');
    const bits = settings.get('rsa_keygen_bits') ?? '2048';
    if (!RSA_BITS.includes(bits)) {
      return fail(
        `rsa_keygen_bits:${bits} is not offered here: use ${RSA_BITS.join(', ')} ` +
          '(AWS IoT accepts 2048 and more; smaller keys are too weak).',
      );
    }
    return `RSA-${bits}` as KeyAlgorithm;
  }
  if (name === 'EC') {
    const curve = settings.get('ec_paramgen_curve');
    if (curve === undefined) {
      return fail('An EC key needs its curve: add -pkeyopt ec_paramgen_curve:P-256.');
    }
    return (
      CURVES[curve] ??
      fail(
        `The curve ${curve} is not offered here: use P-256 (prime256v1), which AWS IoT accepts, or P-384.`,
      )
    );
  }

  return fail(`Algorithm ${name} not found: use RSA or EC.`);
}
