/**
 * The connection doctor: from a failed attempt to the layer where it stopped and what to do.
 * Sources: RFC 8446 (§4.4.2 certificates, §4.4.3 CertificateVerify, §6.2 alerts), RFC 5280 §4.2.1.12
 * (extended key usage), RFC 6125 (server names), and AWS IoT's pages on certificate statuses
 * (API_UpdateCertificate) and connection troubleshooting (diagnosing-connectivity-issues).
 */
import {
  FAILURE_LAYER,
  LAYER_TITLES,
  type ConnectionLayer,
  type HandshakeFailure,
  type HandshakeReport,
} from './handshake-report.ts';

export interface Verdict {
  layer: ConnectionLayer;
  layerTitle: string;
  /** One line: what went wrong. */
  title: string;
  /** Why it stops there, in a sentence or two. */
  explanation: string;
  /** What to do about it. */
  fix: string;
}

type Entry = Omit<Verdict, 'layer' | 'layerTitle'>;

const ENTRIES: Record<HandshakeFailure, Entry> = {
  'connection-refused': {
    title: 'Nothing answered at that address and port',
    explanation:
      'The TCP connection was refused or timed out, so no TLS message was exchanged at all.',
    fix: 'Check the host and port (the lab server listens for MQTT over TLS on 8883 unless --mtls-port says otherwise) and that the lab server is running.',
  },
  'not-tls': {
    title: 'Something answered, but not with TLS',
    explanation:
      'The TCP connection opened, then the other side closed it or answered with bytes that are not a TLS ServerHello: it is a port for plain MQTT (1883) or HTTP (4321), not MQTT over TLS.',
    fix: "Use the lab server's MQTT over TLS port (8883 unless --mtls-port changed it; /api/lab says which).",
  },
  'server-name-mismatch': {
    title: "The broker's certificate does not name the host the device dialled",
    explanation:
      "The device compares the name it connected to with the server certificate's subjectAltName (RFC 6125) and stops before sending its own certificate.",
    fix: 'Connect with a name the server certificate lists (the lab server lists localhost, 127.0.0.1 and its --host address), or reissue the server certificate with that name.',
  },
  'server-untrusted': {
    title: "The device does not trust the broker's CA",
    explanation:
      "The server's certificate chain does not end at a CA in the device's trust store, so the device aborts with an unknown_ca alert.",
    fix: "Give the device the lab CA (lab-root-ca.pem, --cafile) as its trust anchor; for AWS IoT, Amazon's root CA (AmazonRootCA1.pem).",
  },
  'no-client-certificate': {
    title: 'The device sent no certificate',
    explanation:
      'The broker asked for a client certificate (CertificateRequest) and got an empty Certificate message, so it ended the handshake with certificate_required before any MQTT byte.',
    fix: 'Configure the client with its certificate and key (mosquitto: --cert device.crt --key device.key).',
  },
  'client-certificate-expired': {
    title: "The device's certificate has expired",
    explanation:
      'The broker checks the validity period of every certificate on the chain against its own clock (RFC 5280 §6.1.3); notAfter is in the past, so it refuses the certificate (the TLS 1.3 alert for this is certificate_expired).',
    fix: 'Issue a new certificate for the device, register it and set it ACTIVE, and deactivate the old one.',
  },
  'client-certificate-not-yet-valid': {
    title: "The device's certificate is not valid yet",
    explanation:
      "notBefore is later than the broker's clock. Usually the device's clock was wrong when the certificate was made, or the certificate was dated ahead.",
    fix: 'Wait until notBefore, or reissue the certificate dated from now; check the clock of whatever made it.',
  },
  'unknown-ca': {
    title: "The device's certificate was issued by a CA the broker does not trust",
    explanation:
      'The broker only accepts device certificates that chain to a CA registered with it (and ACTIVE), so it refuses this one (the TLS 1.3 alert for this is unknown_ca).',
    fix: "Register the issuing CA with the lab (and set it ACTIVE), or have the lab's CA issue the device certificate.",
  },
  'intermediate-missing': {
    title: 'The chain is missing an intermediate CA',
    explanation:
      'The device certificate was issued by an intermediate CA, but the device did not send that intermediate, so the broker cannot link the certificate to the registered root.',
    fix: 'Send the chain: put the device certificate and then the intermediate in one file (cat device.crt intermediate.crt > chain.crt) and use it as the client certificate, or register the intermediate.',
  },
  'no-client-auth-usage': {
    title: 'The certificate is not allowed for TLS client authentication',
    explanation:
      'Its extended key usage lists purposes without clientAuth (RFC 5280 §4.2.1.12), so the broker refuses it as a device identity.',
    fix: 'Reissue the certificate with extendedKeyUsage clientAuth (or without an extended key usage extension).',
  },
  'key-mismatch': {
    title: 'The private key does not belong to the certificate',
    explanation:
      "In CertificateVerify the device signs the handshake with its private key; the broker checks the signature with the certificate's public key and it does not verify (decrypt_error). Many clients notice the mismatch before connecting.",
    fix: 'Use the key file that was made with this certificate (compare their public keys: openssl x509 -pubkey and openssl pkey -pubout).',
  },
  'bad-certificate': {
    title: "The broker could not accept the device's certificate",
    explanation:
      'The certificate could not be parsed or failed a check the other entries do not cover.',
    fix: 'Open it in the certificate inspector to see which field is wrong, then reissue it.',
  },
  'certificate-unregistered': {
    title: 'The certificate is not registered',
    explanation:
      'The TLS handshake succeeded, but the broker looks every device certificate up in its registry and this one is not there; AWS IoT refuses such connections.',
    fix: 'Register the certificate (the certificates lesson, or aws iot register-certificate) and set it ACTIVE.',
  },
  'certificate-inactive': {
    title: 'The certificate is INACTIVE',
    explanation:
      'Only ACTIVE certificates may connect (AWS IoT API_UpdateCertificate); an INACTIVE one is refused after the handshake.',
    fix: 'Set it ACTIVE (aws iot update-certificate --new-status ACTIVE) if the device should connect again.',
  },
  'certificate-revoked': {
    title: 'The certificate is REVOKED',
    explanation:
      'REVOKED is final: the certificate can never be made ACTIVE again, so every connection with it is refused.',
    fix: 'Issue and register a new certificate for the device; the revoked one cannot come back.',
  },
  'certificate-pending': {
    title: 'The certificate is waiting for activation',
    explanation: 'PENDING_ACTIVATION certificates cannot connect until they are activated.',
    fix: 'Activate it (aws iot update-certificate --new-status ACTIVE).',
  },
  'mqtt-refused': {
    title: 'TLS succeeded, then the broker refused the MQTT session',
    explanation:
      'The device is who it says it is, but CONNECT was refused, for example by the policy on iot:Connect.',
    fix: "Read the refusal in the lab's log: it names the rule or the policy statement that decided it.",
  },
};

export function diagnoseFailure(code: HandshakeFailure): Verdict {
  const layer = FAILURE_LAYER[code];
  return { layer, layerTitle: LAYER_TITLES[layer], ...ENTRIES[code] };
}

/** The doctor's verdict on a report, or null when the device connected. */
export function diagnose(report: HandshakeReport): Verdict | null {
  return report.failure ? diagnoseFailure(report.failure.code) : null;
}
