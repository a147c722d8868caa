/**
 * The steps of a real handshake's report (probe-report.ts): what each message carried, as far as
 * Node shows it, and each side's checks, from the device's own view and the lab's record.
 */
import { DEFAULT_CIPHERS } from 'node:tls';
import { certificateId, type Certificate } from '../../core/pki/index.ts';
import type {
  HandshakeAlert,
  HandshakeCheck,
  HandshakeFailure,
  HandshakeStep,
} from '../../core/tls/handshake-report.ts';
import { checkServerName, isIpAddress } from '../../core/tls/server-name.ts';
import { describeChainError } from './openssl-errors.ts';
import type { Observed } from './probe-report.ts';
import type { TlsDecision } from './tls-decision.ts';

export type Carries = [label: string, value: string][];

export const serverFinished = {
  message: 'Finished',
  from: 'server' as const,
  summary: "The broker's MAC over the handshake; Node checked it.",
};
export type StepInput = Pick<HandshakeStep, 'message' | 'from' | 'summary'> & {
  carries?: Carries;
  checks?: HandshakeCheck[];
};

const CHAIN_STAGE: HandshakeFailure[] = [
  'client-certificate-expired',
  'client-certificate-not-yet-valid',
  'unknown-ca',
  'intermediate-missing',
  'no-client-auth-usage',
  'bad-certificate',
];

export function clientHello(o: Observed): StepInput {
  return {
    message: 'ClientHello',
    from: 'client',
    summary:
      'The device opens the handshake: the versions and cipher suites it can use, and the name it dials.',
    carries: [
      ['supported_versions', 'TLS 1.3, TLS 1.2'],
      ['cipher_suites', offeredSuites()],
      [
        'server_name',
        o.tls?.sni ??
          (isIpAddress(o.serverName)
            ? `not sent: ${o.serverName} is an IP address (RFC 6066 §3)`
            : o.serverName),
      ],
    ],
    checks: [],
  };
}

/** Node's default list (tls.DEFAULT_CIPHERS), which the probe does not change. */
function offeredSuites(): string {
  const suites = DEFAULT_CIPHERS.split(':').filter((s) => s && !s.startsWith('!'));
  const tls13 = suites.filter((s) => s.startsWith('TLS_'));
  const rest = suites.length - tls13.length;
  return `${tls13.join(', ')}, then ${rest} TLS 1.2 entries (Node's default list)`;
}

export function serverHello(o: Observed): StepInput {
  return {
    message: 'ServerHello',
    from: 'server',
    summary:
      'The broker picks the version and cipher suite and sends its half of the key exchange.',
    carries: [
      ['supported_versions', o.tls?.protocol ?? 'unknown'],
      ['cipher_suite', o.tls?.cipher ?? 'unknown'],
      ['key_share', o.tls?.group ?? 'not reported'],
    ],
    checks: [],
  };
}

export function certificateRequest(lab: TlsDecision | null): StepInput {
  const names = lab
    ? lab.acceptableCaNames.join('; ') || '(none: no CA is registered as ACTIVE)'
    : 'not shown by Node\'s TLS client (openssl s_client prints it as "Acceptable client certificate CA names")';
  return {
    message: 'CertificateRequest',
    from: 'server' as const,
    summary:
      'The broker asks the device for a certificate (mutual TLS), naming the CAs it accepts.',
    carries: [
      [
        'certificate_authorities',
        lab ? `${names} (from the lab's configuration for this connection)` : names,
      ],
    ] as Carries,
    checks: [],
  };
}

export function serverCertificate(o: Observed) {
  const leaf = o.tls!.serverLeaf;
  const carries: Carries = leaf
    ? [
        ['certificate_list[0]', `${leaf.subject.text} (issued by ${leaf.issuer.text})`],
        ['subjectAltName', listedNames(o).join(', ') || 'none'],
        ['validity', `${iso(leaf.validity.notBefore)} to ${iso(leaf.validity.notAfter)}`],
      ]
    : [['certificate_list', 'not reported']];
  const trusted = o.deviceCa.map((ca) => `"${ca.subject.text}"`).join(', ');
  const { chain, name } = o.tls!;
  const checks: HandshakeCheck[] = [
    check(
      'client',
      'Chain to the CA the device trusts',
      chain.passed,
      chain.passed
        ? `the chain ends at ${trusted}, the CA file the device was given`
        : `${describeChainError(chain.error ?? 'unknown')}; the device trusts ${trusted}`,
    ),
  ];
  if (chain.passed) {
    checks.push(
      check(
        'client',
        'Server name (RFC 6125)',
        name.passed,
        name.passed
          ? `the device dialled ${o.serverName}, and the certificate lists it`
          : `the device dialled ${o.serverName}, but the certificate lists ${listedNames(o).join(', ') || 'no DNS or IP names'}`,
      ),
    );
  }
  return {
    message: 'Certificate',
    from: 'server' as const,
    summary:
      "The broker's certificate; the device checks it against its CA file and the name it dialled. (Node makes these checks once the handshake is complete.)",
    carries,
    checks,
  };
}

export async function clientCertificate(o: Observed, lab: TlsDecision | null) {
  const chain = o.deviceChain;
  const carries: Carries =
    chain.length > 0
      ? await Promise.all(
          chain.map(
            async (c, i): Promise<[string, string]> => [
              `certificate_list[${i}]`,
              `${c.subject.text} (issued by ${c.issuer.text}; ID ${await certificateId(globalThis.crypto, c.der)})`,
            ],
          ),
        )
      : [['certificate_list', '(empty)']];
  return {
    message: 'Certificate',
    from: 'client' as const,
    summary:
      chain.length > 0
        ? 'The device sends its certificate chain; the broker checks it against the CAs it accepts.'
        : 'The device sends an empty Certificate message: it has no certificate to give.',
    carries,
    checks: brokerChecks(o, lab),
  };
}

/** The broker's checks of the device's chain, as far as they can be known. */
function brokerChecks(o: Observed, lab: TlsDecision | null): HandshakeCheck[] {
  if (o.deviceChain.length === 0) {
    return [
      check(
        'server',
        'A client certificate was sent',
        false,
        'the broker requires a client certificate (mutual TLS), and the Certificate message is empty',
      ),
    ];
  }
  if (lab && lab.outcome !== 'failed') {
    const chainFailed = lab.verifyError !== null;
    const checks = [
      check(
        'server',
        'Chain to an ACTIVE registered CA',
        !chainFailed,
        chainFailed && lab.failure
          ? lab.failure.message
          : "OpenSSL verified the chain against the CAs the lab's CertificateRequest names",
      ),
    ];
    if (!chainFailed) {
      const usage = lab.failure?.code === 'no-client-auth-usage';
      checks.push(
        check(
          'server',
          'TLS client authentication allowed (extendedKeyUsage)',
          !usage,
          usage ? lab.failure!.message : 'clientAuth is allowed',
        ),
      );
    }
    return checks;
  }
  if (o.alert)
    return [
      check(
        'server',
        "The broker's check of the certificate",
        false,
        `the broker answered ${o.alert.name} (${o.alert.code})`,
      ),
    ];
  if (o.connack !== null && o.connack !== undefined) {
    return [
      check(
        'server',
        "The broker's check of the certificate",
        true,
        'the broker went on to MQTT, so it accepted the certificate',
      ),
    ];
  }
  return [];
}

export function registryStep(lab: TlsDecision) {
  const id = lab.chain[0]?.certificateId ?? 'unknown';
  const refused = lab.failure !== null && !CHAIN_STAGE.includes(lab.failure.code);
  return {
    message: 'Registry lookup',
    from: 'server' as const,
    summary:
      'With the handshake done, the broker looks the certificate up in its registry, as AWS IoT does; a refusal here sends no alert, the broker just closes the connection.',
    carries: [
      ['certificateId', id],
      ['status', lab.status ?? 'not registered'],
    ] as Carries,
    checks: [
      check(
        'server',
        'Certificate is registered and ACTIVE',
        !refused,
        refused ? lab.failure!.message : `Certificate ${id} is ACTIVE.`,
      ),
    ],
  };
}

export function alertStep(alert: HandshakeAlert) {
  return {
    message: 'Alert',
    from: alert.by,
    summary: `The ${alert.by === 'server' ? 'broker' : 'device'} ends the handshake with a fatal alert; nothing after it is sent.`,
    carries: [
      ['level', 'fatal (2)'],
      ['description', `${alert.name} (${alert.code})`],
    ] as Carries,
    checks: [],
  };
}

/** TLS 1.3 binds the signature scheme to the key (RFC 8446 §4.2.3). */
const EC_SCHEMES: Record<string, string> = {
  'P-256': 'ecdsa_secp256r1_sha256',
  'P-384': 'ecdsa_secp384r1_sha384',
  'P-521': 'ecdsa_secp521r1_sha512',
};

export function signatureScheme(leaf: Certificate, protocol: string | null): string {
  const key = leaf.publicKey;
  if (protocol !== 'TLSv1.3') return `one OpenSSL chose for the ${key.description} key`;
  if (key.type === 'EC')
    return `${EC_SCHEMES[key.curve ?? ''] ?? 'ECDSA'} (the scheme for ${key.description} keys)`;
  return `rsa_pss_rsae_* (RSA-PSS: TLS 1.3 allows no other for an ${key.description} key)`;
}

export function listedNames(o: Observed): string[] {
  const leaf = o.tls?.serverLeaf;
  return leaf ? checkServerName(leaf, o.serverName).listed : [];
}

export function check(
  by: 'client' | 'server',
  what: string,
  passed: boolean,
  detail: string,
): HandshakeCheck {
  return { by, what, passed, detail };
}

const iso = (date: Date) => date.toISOString().replace('.000', '');
