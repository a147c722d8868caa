/**
 * `openssl verify -CAfile ca.pem [-untrusted chain.pem] [-purpose sslclient] cert…`: the
 * course's chain verification (src/core/pki/verify-chain.ts), reported as OpenSSL 3 reports
 * it: `cert: OK`, or the subject, `error N at D depth lookup: …` and exit status 2. The error
 * numbers are OpenSSL's X509_V_ERR codes (x509_vfy.h); after them, the course's own words.
 */
import type { Certificate } from '../../../pki/certificate.ts';
import type { ChainCheck, ChainFailure, Purpose } from '../../../pki/chain-checks.ts';
import type { CryptoPort } from '../../../pki/crypto-port.ts';
import { verifyChain, type ChainVerification } from '../../../pki/verify-chain.ts';
import type { CommandContext } from '../../command.ts';
import {
  OPENSSL_FAILURE,
  objectsIn,
  onelineName,
  readCertificateFile,
  readFile,
  type OpensslSubcommand,
} from './openssl-common.ts';

/** openssl verify's exit status when a certificate does not verify (apps/verify.c). */
export const VERIFY_FAILED = 2;

/** X509_V_ERR codes and their reason strings, for each failure the course names. */
const OPENSSL_ERRORS: Record<ChainFailure, [code: number, reason: string]> = {
  'unknown-issuer': [20, 'unable to get local issuer certificate'],
  'bad-signature': [7, 'certificate signature failure'],
  expired: [10, 'certificate has expired'],
  'not-yet-valid': [9, 'certificate is not yet valid'],
  'issuer-not-ca': [24, 'invalid CA certificate'],
  'key-usage': [26, 'unsupported certificate purpose'],
  'extended-key-usage': [26, 'unsupported certificate purpose'],
  'path-length-exceeded': [25, 'path length constraint exceeded'],
  'unknown-critical-extension': [34, 'unhandled critical extension'],
};

const PURPOSES: Record<string, Purpose> = { sslclient: 'client', sslserver: 'server', any: 'any' };

export const verify: OpensslSubcommand = {
  name: 'verify',
  summary: 'check that certificates chain to a trusted CA',
  operands: true,
  options: [
    { flag: '-CAfile', value: 'file', summary: 'the trusted CA certificates', complete: 'file' },
    {
      flag: '-untrusted',
      value: 'file',
      summary: 'intermediate certificates, not trusted by themselves',
      complete: 'file',
    },
    {
      flag: '-partial_chain',
      summary: 'accept a trusted certificate that is not self-signed as the end of the chain',
    },
    {
      flag: '-purpose',
      value: 'purpose',
      summary: 'also check the leaf is fit for sslclient or sslserver',
      complete: { words: Object.keys(PURPOSES) },
    },
  ],
  async run(ctx, args, crypto) {
    const purposeName = args.values.get('-purpose')?.at(-1) ?? 'any';
    const purpose = PURPOSES[purposeName];
    if (purpose === undefined) {
      ctx.stderr.write(`verify: Invalid purpose ${purposeName}: use sslclient, sslserver or any\n`);
      return OPENSSL_FAILURE;
    }
    if (args.operands.length === 0) {
      ctx.stderr.write('verify: Name the certificate to verify (the page has no standard input)\n');
      return OPENSSL_FAILURE;
    }

    const trusted = await certificatesIn(ctx, args.values.get('-CAfile')?.at(-1));
    const untrusted = await certificatesIn(ctx, args.values.get('-untrusted')?.at(-1));
    if (trusted === undefined || untrusted === undefined) return OPENSSL_FAILURE;

    let status = 0;
    for (const path of args.operands) {
      const leaf = await readCertificateFile(ctx, 'verify', path);
      if (!leaf) {
        ctx.stderr.write(`error ${path}: verification failed\n`);
        status = VERIFY_FAILED;
        continue;
      }
      const partial = args.values.has('-partial_chain');
      const ok = await verifyOne(ctx, crypto, path, leaf, { trusted, untrusted, purpose, partial });
      if (!ok) status = VERIFY_FAILED;
    }
    return status;
  },
};

async function verifyOne(
  ctx: CommandContext,
  crypto: CryptoPort,
  path: string,
  leaf: Certificate,
  given: { trusted: Certificate[]; untrusted: Certificate[]; purpose: Purpose; partial: boolean },
): Promise<boolean> {
  const result = await verifyChain(crypto, {
    leaf,
    intermediates: given.untrusted,
    trustAnchors: given.trusted,
    at: new Date(ctx.clock.now()),
    purpose: given.purpose,
  });
  const top = result.path.at(-1);
  if (result.valid && top && !top.selfIssued && !given.partial) {
    // OpenSSL goes on looking for the issuer of a trusted certificate that is not self-signed,
    // unless -partial_chain says that a trusted certificate may end the chain.
    const depth = result.path.length - 1;
    return fail(
      ctx,
      path,
      top,
      [depth, 20, 'unable to get local issuer certificate'],
      `"${top.subject.text}" is trusted, but it is not self-signed, so OpenSSL looks for its ` +
        'issuer too. Give the root CA in -CAfile, or add -partial_chain.',
    );
  }
  if (result.valid) {
    ctx.stdout.write(`${path}: OK\n`);
    return true;
  }

  const failure = result.failures[0]!;
  const depth = depthOf(result, failure);
  const [code, reason] = errorFor(failure, result, depth);
  const failing = result.path[depth] ?? leaf;
  return fail(ctx, path, failing, [depth, code, reason], failure.detail);
}

/** OpenSSL's lines for a failure: the subject, the error with its depth, then the course's words. */
function fail(
  ctx: CommandContext,
  path: string,
  certificate: Certificate,
  [depth, code, reason]: [number, number, string],
  detail: string,
): false {
  ctx.stderr.write(`${onelineName(certificate.subject)}\n`);
  ctx.stderr.write(`error ${code} at ${depth} depth lookup: ${reason}\n`);
  ctx.stderr.write(`  (${detail})\n`);
  ctx.stderr.write(`error ${path}: verification failed\n`);
  return false;
}

/** Where on the path (0 for the leaf) the failing certificate sits. */
function depthOf(result: ChainVerification, failure: ChainCheck): number {
  const index = result.path.findIndex((c) => c.subject.text === failure.subject);
  return Math.max(index, 0);
}

/** An unknown issuer of a self-signed certificate is OpenSSL's 18 or 19, not 20. */
function errorFor(failure: ChainCheck, result: ChainVerification, depth: number): [number, string] {
  const selfSigned = result.path[depth]?.selfIssued === true;
  if (failure.failure === 'unknown-issuer' && selfSigned) {
    return depth === 0
      ? [18, 'self-signed certificate']
      : [19, 'self-signed certificate in certificate chain'];
  }
  return OPENSSL_ERRORS[failure.failure ?? 'unknown-issuer'];
}

/** Every certificate in a file (none when no file is named); undefined after an error. */
async function certificatesIn(
  ctx: CommandContext,
  path: string | undefined,
): Promise<Certificate[] | undefined> {
  if (path === undefined) return [];

  const text = await readFile(ctx, 'verify', path, 'certificates');
  if (text === undefined) return undefined;

  const found = objectsIn(text, 'certificate');
  if (found.length === 0) {
    ctx.stderr.write(`verify: ${path} holds no '-----BEGIN CERTIFICATE-----' block\n`);
    return undefined;
  }
  return found;
}
