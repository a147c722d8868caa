/**
 * The in-page lab's mutual TLS 1.3 handshake, as a model with real keys, real signatures and
 * real certificate checks, but no record layer (DESIGN.md, "Honesty"). It follows RFC 8446 §4
 * message by message (§2's full handshake with client authentication) and stops at the first
 * failure with the alert a real stack would send; then, like AWS IoT, the broker looks the
 * device certificate up in its registry. The result is a HandshakeReport in 'emulated' mode.
 */
import { toHex } from '../pki/bytes.ts';
import type { Certificate } from '../pki/certificate.ts';
import type { CryptoPort } from '../pki/crypto-port.ts';
import { certificateId } from '../pki/fingerprint.ts';
import type { KeyPair } from '../pki/key-pair.ts';
import type { CertificateStatus } from '../lab/certificate-registry.ts';
import {
  OFFERED_SCHEMES,
  signCertificateVerify,
  verifyCertificateVerify,
} from './certificate-verify.ts';
import { deviceIdentity } from './device-identity.ts';
import { readCertificateChain, readPrivateKey } from './handshake-input.ts';
import type { HandshakeReport, Side } from './handshake-report.ts';
import { checkClientCertificate, checkServerCertificate } from './peer-certificate-checks.ts';
import { keyShare, randomBytes, finishedMessage } from './handshake-secrets.ts';
import { MODEL_CIPHER, ReportBuilder } from './report-builder.ts';
import { registryFailure, registryMessage } from './registry-verdict.ts';
import { Transcript } from './transcript.ts';

export interface EmulatedClient {
  /** The chain the device sends, leaf first: PEM text or certificates. Empty: send none. */
  certificates: string | Certificate[];
  /** The device's private key (PEM or a key pair); needed only when it sends a certificate. */
  privateKey: string | KeyPair | null;
  /** The host name the device dials: server_name, and the name it checks the broker for. */
  serverName: string;
  /** The CAs the device trusts to have issued the broker's certificate: the lab CA. */
  trustAnchors: Certificate[];
}

export interface EmulatedServer {
  /** The broker's chain, leaf first. */
  certificates: Certificate[];
  privateKey: KeyPair;
  /** The CAs the broker accepts device certificates from: the registry's ACTIVE CAs. */
  trustAnchors: Certificate[];
  /** The registry's status for a certificate ID, or null when it is not registered. */
  lookup(certificateId: string): Promise<CertificateStatus | null>;
}

export interface EmulatedHandshakeInput {
  client: EmulatedClient;
  server: EmulatedServer;
  /** Both sides' clock for validity checks. Default: now. */
  at?: Date;
  /**
   * CA certificates the model may consult only to name a failure, such as an intermediate the
   * device holds but did not send. A real server cannot see them; neither side trusts them.
   */
  knownIntermediates?: Certificate[];
}

const SUITES = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const GROUP = 'secp256r1';

export async function emulateHandshake(
  crypto: CryptoPort,
  input: EmulatedHandshakeInput,
): Promise<HandshakeReport> {
  const at = input.at ?? new Date();
  const { client, server } = input;
  const clientChain = readCertificateChain(client.certificates, "the device's certificate file");
  const clientKey = clientChain.length > 0 ? await readPrivateKey(crypto, client.privateKey) : null;
  const transcript = new Transcript(crypto);
  const report = new ReportBuilder();
  const serverLeaf = server.certificates[0]!;

  // ClientHello (§4.1.2)
  const clientRandom = randomBytes(crypto);
  const clientShare = await keyShare(crypto);
  report.add({
    message: 'ClientHello',
    from: 'client',
    summary:
      'The device opens the handshake: what it can speak, a fresh random, and its half of the key exchange. ' +
      '(A model: real keys and signatures, no record layer; see the notes.)',
    carries: [
      ['random', toHex(clientRandom)],
      ['cipher_suites', SUITES.join(', ')],
      ['supported_versions', 'TLS 1.3 (0x0304)'],
      ['key_share', `${GROUP}: ${toHex(clientShare)}`],
      ['server_name', client.serverName],
      ['signature_algorithms', OFFERED_SCHEMES.join(', ')],
    ],
    transcriptHash: await transcript.add('ClientHello', [
      ['random', clientRandom],
      ['cipher_suites', SUITES.join(',')],
      ['supported_versions', '0304'],
      ['key_share', clientShare],
      ['server_name', client.serverName],
      ['signature_algorithms', OFFERED_SCHEMES.join(',')],
    ]),
  });

  // ServerHello (§4.1.3)
  const serverRandom = randomBytes(crypto);
  const serverShare = await keyShare(crypto);
  report.add({
    message: 'ServerHello',
    from: 'server',
    summary:
      'The broker picks the version and cipher suite and sends its half of the key exchange.',
    carries: [
      ['random', toHex(serverRandom)],
      ['cipher_suite', MODEL_CIPHER],
      ['supported_versions', 'TLS 1.3 (0x0304)'],
      ['key_share', `${GROUP}: ${toHex(serverShare)}`],
    ],
    transcriptHash: await transcript.add('ServerHello', [
      ['random', serverRandom],
      ['cipher_suite', MODEL_CIPHER],
      ['supported_versions', '0304'],
      ['key_share', serverShare],
    ]),
  });

  // EncryptedExtensions (§4.3.1)
  report.add({
    message: 'EncryptedExtensions',
    from: 'server',
    summary:
      'The first message real TLS encrypts with the handshake keys; it carries the extensions not needed to agree on keys.',
    carries: [['extensions', 'none that the lab needs']],
    transcriptHash: await transcript.add('EncryptedExtensions', []),
  });

  // CertificateRequest (§4.3.2)
  const authorities = server.trustAnchors.map((ca) => ca.subject.text);
  report.add({
    message: 'CertificateRequest',
    from: 'server',
    summary:
      'The broker asks the device for a certificate (mutual TLS), naming the CAs it accepts.',
    carries: [
      ['certificate_request_context', '(empty)'],
      ['signature_algorithms', OFFERED_SCHEMES.join(', ')],
      ['certificate_authorities', authorities.join('; ') || '(none registered as ACTIVE)'],
    ],
    transcriptHash: await transcript.add('CertificateRequest', [
      ['signature_algorithms', OFFERED_SCHEMES.join(',')],
      ...authorities.map((name): [string, string] => ['certificate_authorities', name]),
    ]),
  });

  // Certificate from the server (§4.4.2), checked by the device
  const serverChecked = await checkServerCertificate(crypto, input, at);
  report.add({
    message: 'Certificate',
    from: 'server',
    summary: "The broker's certificate chain; the device checks it against the CA it trusts.",
    carries: await chainCarries(crypto, server.certificates),
    checks: serverChecked.checks,
    transcriptHash: await transcript.add('Certificate', chainFields(server.certificates)),
  });
  if (serverChecked.stop) {
    const { alert, failure, message } = serverChecked.stop;
    return report.alert('client', alert, failure, message);
  }

  // CertificateVerify from the server (§4.4.3)
  const serverSigned = await signCertificateVerify(
    crypto,
    'server',
    server.privateKey,
    await transcript.hash(),
  );
  const serverProof = await verifyCertificateVerify(
    crypto,
    'server',
    serverSigned,
    serverLeaf,
    await transcript.hash(),
  );
  report.add({
    message: 'CertificateVerify',
    from: 'server',
    summary:
      'The broker signs the transcript so far with its private key, proving the certificate is its own.',
    carries: [
      ['algorithm', serverSigned.algorithm],
      ['signature', toHex(serverSigned.signature)],
    ],
    checks: [signatureCheck('client', 'server', serverProof)],
    transcriptHash: await transcript.add('CertificateVerify', [
      ['algorithm', serverSigned.algorithm],
      ['signature', serverSigned.signature],
    ]),
  });
  if (!serverProof.valid) {
    return report.alert(
      'client',
      'decrypt_error',
      'server-untrusted',
      `The broker's CertificateVerify failed: ${serverProof.reason}.`,
    );
  }

  // Finished from the server (§4.4.4)
  report.add(await finishedMessage(crypto, 'server', transcript));

  // Certificate from the device, checked by the broker
  const clientChecked = await checkClientCertificate(crypto, input, clientChain, at);
  report.add({
    message: 'Certificate',
    from: 'client',
    summary:
      clientChain.length > 0
        ? 'The device sends its certificate chain; the broker checks it against the CAs registered as ACTIVE.'
        : 'The device sends an empty Certificate message: it has no certificate to give.',
    carries:
      clientChain.length > 0
        ? await chainCarries(crypto, clientChain)
        : [['certificate_list', '(empty)']],
    checks: clientChecked.checks,
    transcriptHash: await transcript.add('Certificate', chainFields(clientChain)),
  });
  if (clientChecked.stop) {
    const { alert, failure, message } = clientChecked.stop;
    return report.alert('server', alert, failure, message);
  }
  const clientLeaf = clientChain[0]!;

  // CertificateVerify from the device
  const clientSigned = await signCertificateVerify(
    crypto,
    'client',
    clientKey!,
    await transcript.hash(),
  );
  const clientProof = await verifyCertificateVerify(
    crypto,
    'client',
    clientSigned,
    clientLeaf,
    await transcript.hash(),
  );
  report.add({
    message: 'CertificateVerify',
    from: 'client',
    summary:
      'The device signs the transcript with its private key; the broker checks the signature with the public key in the certificate.',
    carries: [
      ['algorithm', clientSigned.algorithm],
      ['signature', toHex(clientSigned.signature)],
    ],
    checks: [signatureCheck('server', 'client', clientProof)],
    transcriptHash: await transcript.add('CertificateVerify', [
      ['algorithm', clientSigned.algorithm],
      ['signature', clientSigned.signature],
    ]),
  });
  if (!clientProof.valid) {
    return report.alert(
      'server',
      'decrypt_error',
      'key-mismatch',
      `The device's CertificateVerify does not verify: ${clientProof.reason}.`,
    );
  }

  // Finished from the device
  report.add(await finishedMessage(crypto, 'client', transcript));

  // Registry lookup (AWS IoT: only ACTIVE certificates connect)
  const id = await certificateId(crypto, clientLeaf.der);
  const status = await server.lookup(id);
  const refused = registryFailure(status);
  report.add({
    message: 'Registry lookup',
    from: 'server',
    summary:
      'With the handshake done, the broker looks the certificate up in its registry, as AWS IoT does; a refusal here sends no alert, the broker just closes the connection.',
    carries: [
      ['certificateId', id],
      ['status', status ?? 'not registered'],
    ],
    checks: [
      {
        by: 'server',
        what: 'Certificate is registered and ACTIVE',
        passed: refused === null,
        detail: registryMessage(id, status),
      },
    ],
  });
  if (refused) return report.closed(refused, registryMessage(id, status));

  return report.connected(await deviceIdentity(crypto, clientLeaf));
}

async function chainCarries(crypto: CryptoPort, chain: Certificate[]): Promise<[string, string][]> {
  return Promise.all(
    chain.map(
      async (certificate, index): Promise<[string, string]> => [
        `certificate_list[${index}]`,
        `${certificate.subject.text} (issued by ${certificate.issuer.text}; ID ${await certificateId(crypto, certificate.der)})`,
      ],
    ),
  );
}

function chainFields(chain: Certificate[]): [string, Uint8Array][] {
  return chain.map((certificate) => ['cert_data', certificate.der]);
}

function signatureCheck(by: Side, signer: Side, proof: { valid: boolean; reason: string }) {
  return {
    by,
    what: 'Signature over the transcript',
    passed: proof.valid,
    detail: `${signer === 'server' ? "the broker's" : "the device's"} CertificateVerify: ${proof.reason}`,
  };
}
