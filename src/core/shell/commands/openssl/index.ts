/**
 * `openssl` in the page: the subcommands a device's identity needs (genpkey, req, x509, verify,
 * pkcs12, s_client), with OpenSSL 3's option names, output shapes and exit statuses, over the
 * learner's files and the course's WebCrypto PKI code. Tab completes subcommands, options and
 * files.
 */
import { PkiError } from '../../../pki/pki-problem.ts';
import type { Command, OptionSpec } from '../../command.ts';
import { genpkey } from './genpkey.ts';
import { OPENSSL_FAILURE, readArgs, type OpensslSubcommand } from './openssl-common.ts';
import { pkcs12 } from './pkcs12.ts';
import { req } from './req.ts';
import { sClient } from './s-client.ts';
import { verify } from './verify.ts';
import { x509 } from './x509.ts';

const SUBCOMMANDS: readonly OpensslSubcommand[] = [genpkey, req, x509, verify, pkcs12, sClient];

const USAGE = `openssl ${SUBCOMMANDS.map((s) => s.name).join('|')} [options]`;

export const openssl: Command = {
  name: 'openssl',
  summary: 'make keys, CSRs and certificates, and verify chains (OpenSSL 3 shapes)',
  usage: USAGE,
  options: allOptions(),
  operands: [{ words: SUBCOMMANDS.map((s) => s.name) }, 'file'],
  async run(ctx) {
    const [, name, ...rest] = ctx.argv;
    const sub = SUBCOMMANDS.find((s) => s.name === name);
    if (!sub) {
      const said = name === undefined ? 'Say which command to run' : `Invalid command '${name}'`;
      ctx.stderr.write(`openssl: ${said}; the commands here are:\n`);
      for (const s of SUBCOMMANDS) ctx.stderr.write(`  ${s.name.padEnd(8)} ${s.summary}\n`);
      return OPENSSL_FAILURE;
    }
    if (!ctx.crypto) {
      ctx.stderr.write(`${sub.name}: this page has no WebCrypto, so keys cannot be made here\n`);
      return OPENSSL_FAILURE;
    }

    const args = readArgs(ctx, sub, rest);
    if (typeof args === 'number') return args;

    try {
      return await sub.run(ctx, args, ctx.crypto);
    } catch (error) {
      if (!(error instanceof PkiError)) throw error;
      ctx.stderr.write(`${sub.name}: ${error.message}\n`);
      return OPENSSL_FAILURE;
    }
  },
};

/** Every subcommand's options, once each, so Tab can complete the value after any of them. */
function allOptions(): OptionSpec[] {
  const seen = new Map<string, OptionSpec>();
  for (const option of SUBCOMMANDS.flatMap((s) => s.options)) {
    if (!seen.has(option.flag)) seen.set(option.flag, option);
  }
  return [...seen.values()];
}
