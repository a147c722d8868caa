/**
 * What each side checks in the other's Certificate message (RFC 8446 §4.4.2.4, RFC 5280 §6,
 * RFC 6125): the device checks the broker's chain and name; the broker checks the device's
 * chain against the registered ACTIVE CAs, for client authentication. A failure says which
 * alert ends the handshake.
 */
import type { Certificate } from '../pki/certificate.ts';
import type { CryptoPort } from '../pki/crypto-port.ts';
import { verifyChain } from '../pki/verify-chain.ts';
import { clientChainVerdict, serverChainVerdict } from './chain-verdicts.ts';
import type { EmulatedHandshakeInput } from './emulated-handshake.ts';
import type { HandshakeCheck, HandshakeFailure } from './handshake-report.ts';
import { explainUnknownIssuer } from './missing-intermediate.ts';
import { checkServerName } from './server-name.ts';
import type { TlsAlertName } from './tls-alerts.ts';

/** The checks made, and where the handshake stops when one failed. */
export interface Checked {
  checks: HandshakeCheck[];
  stop?: { alert: TlsAlertName; failure: HandshakeFailure; message: string };
}

/** The device's checks of the broker: chain to its trust anchor, then the name it dialled. */
export async function checkServerCertificate(
  crypto: CryptoPort,
  input: EmulatedHandshakeInput,
  at: Date,
): Promise<Checked> {
  const [leaf, ...intermediates] = input.server.certificates;
  const verification = await verifyChain(crypto, {
    leaf: leaf!,
    intermediates,
    trustAnchors: input.client.trustAnchors,
    at,
    purpose: 'server',
  });
  const checks: HandshakeCheck[] = verification.checks.map((check) => ({
    by: 'client',
    what: `${check.check} (${check.position})`,
    passed: check.passed,
    detail: check.detail,
  }));
  const verdict = serverChainVerdict(verification);
  if (verdict) {
    return {
      checks,
      stop: {
        alert: verdict.alert,
        failure: verdict.failure,
        message: `The device does not trust the broker's certificate "${leaf!.subject.text}": ${verdict.check.detail}`,
      },
    };
  }

  const name = checkServerName(leaf!, input.client.serverName);
  const listed = name.listed.join(', ') || 'no DNS or IP names';
  checks.push({
    by: 'client',
    what: 'Server name (RFC 6125)',
    passed: name.matched,
    detail: name.matched
      ? `the device dialled ${input.client.serverName}, and the certificate lists ${name.match}`
      : `the device dialled ${input.client.serverName}, but the certificate's subjectAltName lists ${listed}`,
  });
  if (name.matched) return { checks };
  return {
    checks,
    stop: {
      // What OpenSSL sends for a name mismatch (X509_V_ERR_HOSTNAME_MISMATCH).
      alert: 'bad_certificate',
      failure: 'server-name-mismatch',
      message: `The device dialled "${input.client.serverName}", and the broker's certificate names ${listed}.`,
    },
  };
}

/** The broker's checks of the device's chain against the registered ACTIVE CAs. */
export async function checkClientCertificate(
  crypto: CryptoPort,
  input: EmulatedHandshakeInput,
  chain: Certificate[],
  at: Date,
): Promise<Checked> {
  if (chain.length === 0) {
    return {
      checks: [
        {
          by: 'server',
          what: 'A client certificate was sent',
          passed: false,
          detail:
            'the broker requires a client certificate (mutual TLS), and the Certificate message is empty',
        },
      ],
      stop: {
        alert: 'certificate_required',
        failure: 'no-client-certificate',
        message: 'The device sent no certificate, and the broker requires one.',
      },
    };
  }

  const [leaf, ...intermediates] = chain;
  const trustAnchors = input.server.trustAnchors;
  const verification = await verifyChain(crypto, {
    leaf: leaf!,
    intermediates,
    trustAnchors,
    at,
    purpose: 'client',
  });
  const checks: HandshakeCheck[] = verification.checks.map((check) => ({
    by: 'server',
    what: `${check.check} (${check.position})`,
    passed: check.passed,
    detail: check.detail,
  }));
  const verdict = clientChainVerdict(verification);
  if (!verdict) return { checks };

  let failure = verdict.failure;
  let message = `The broker refuses the device's certificate "${leaf!.subject.text}": ${verdict.check.detail}`;
  if (failure === 'unknown-ca') {
    const missing = await explainUnknownIssuer(crypto, {
      chain,
      trustAnchors,
      at,
      known: input.knownIntermediates ?? [],
    });
    if (missing) {
      failure = 'intermediate-missing';
      message = missing;
      checks.push({
        by: 'server',
        what: 'Intermediate CA sent',
        passed: false,
        detail:
          `${missing} (Only the model can tell: it knows the device holds that intermediate. ` +
          'A real broker sees an unknown issuer and sends the same unknown_ca.)',
      });
    }
  }
  return { checks, stop: { alert: verdict.alert, failure, message } };
}
