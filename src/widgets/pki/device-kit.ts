/**
 * The device kit: the files a real device (or mosquitto_pub on a laptop) needs to connect to the
 * lab server with mutual TLS, and a README.txt that says what each one is.
 */
import type { CertificateStatus } from '../../core/lab/certificate-registry.ts';
import type { Identities } from './identity-store.ts';

export interface KitSource {
  /** 'own-ca' for the workshop's device certificate, else the lab certificate's ID. */
  id: string;
  label: string;
  certificatePem: string;
  /** Absent when the lab made the key and the page was reloaded since: it was shown once. */
  privateKeyPem?: string;
  caPem: string;
  /** Who signed it: the learner's own CA, or the lab's CA (as AWS's Amazon CA would). */
  signer: 'own-ca' | 'lab-ca';
  /** Its status in the lab's registry, for a certificate made there. */
  status?: CertificateStatus;
}

/** Every identity this browser holds that a kit can be made from, newest lab ones first. */
export function kitSources(made: Identities): KitSource[] {
  const sources: KitSource[] = [];
  if (made.ca && made.device) {
    sources.push({
      id: 'own-ca',
      label: 'The device certificate signed by your own CA (workshop step 2)',
      certificatePem: made.device.certificatePem,
      privateKeyPem: made.device.privateKeyPem,
      caPem: made.ca.certificatePem,
      signer: 'own-ca',
    });
  }
  for (const c of made.lab) {
    if (c.origin === 'register-certificate') continue;
    sources.push({
      id: c.certificateId,
      label: `${c.origin === 'create-certificate-from-csr' ? 'Made from your CSR' : 'Made by the lab'}, ID ${c.certificateId.slice(0, 10)}… (${c.status})`,
      certificatePem: c.certificatePem,
      ...(c.privateKeyPem ? { privateKeyPem: c.privateKeyPem } : {}),
      caPem: c.caPem,
      signer: 'lab-ca',
      status: c.status,
    });
  }
  return sources;
}

/** A client ID mosquitto_pub can take and AWS-style thing names allow: [a-zA-Z0-9:_-]. */
export function clientIdFor(commonName: string): string {
  // Accents come off first, so "capteur-serre-été" becomes "capteur-serre-ete".
  const id = commonName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9:_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 128);
  return id === '' ? 'handshake-device' : id;
}

export interface ReadmeFacts {
  subject: string;
  issuer: string;
  commonName: string;
  certificateId: string;
  notAfter: string;
  signer: KitSource['signer'];
  /** Default: 127.0.0.1. */
  host?: string;
  /** Default: 8883, the lab server's mutual TLS port. */
  tlsPort?: number;
}

export function readmeText(facts: ReadmeFacts): string {
  const host = facts.host ?? '127.0.0.1';
  const port = facts.tlsPort ?? 8883;
  const clientId = clientIdFor(facts.commonName);
  const serverCa = facts.signer === 'lab-ca' ? 'ca.pem' : 'lab-ca.pem';
  const serverCaWords =
    facts.signer === 'lab-ca'
      ? 'The lab signs its own server certificate with the same lab CA that signed\n' +
        'device.crt, so ca.pem does both jobs here.'
      : 'That is the lab CA, not your own CA: save the lab CA certificate as\n' +
        'lab-ca.pem (the mutual TLS lesson shows where to find it). The lab also\n' +
        'has to trust your CA: register it and the device certificate in the\n' +
        'certificate workshop first.';

  return `HANDSHAKE DEVICE KIT: ${facts.commonName}
${'='.repeat(20 + [...facts.commonName].length)}

Made in your browser by the Handshake course. Nothing in this kit was
uploaded anywhere to make it.

THE FILES

device.crt  The device certificate (X.509, PEM). It is public: it names the
            device, ${facts.subject},
            holds its public key, and is signed by
            ${facts.issuer}.
            Valid until ${facts.notAfter}.
            Certificate ID, as AWS IoT would show it (the SHA-256 of the
            DER; AWS does not document this, it is inferred):
            ${facts.certificateId}

device.key  The device's private key (PKCS #8, PEM, not encrypted). It is
            secret: whoever holds it can connect as this device. Keep it on
            the device only, readable by its owner alone:
              chmod 600 device.key

ca.pem      The certificate of the CA that signed device.crt. It is public.
            With it, anyone can check that device.crt is genuine:
              openssl verify -CAfile ca.pem device.crt

CHECK THAT THE KEY AND THE CERTIFICATE BELONG TOGETHER

  openssl x509 -in device.crt -noout -pubkey | openssl sha256
  openssl pkey -in device.key -pubout | openssl sha256

The two hashes must be the same.

CONNECT TO THE LAB SERVER WITH MUTUAL TLS

The lab server (npm start) takes MQTT over mutual TLS on port ${port}. That
TLS listener comes in the "Mutual TLS" lesson; until you have reached it,
the command below is refused.

  mosquitto_pub -h ${host} -p ${port} \\
    --cafile ${serverCa} --cert device.crt --key device.key \\
    -i ${clientId} -t 'lab/${clientId}/hello' -m '{"hello":"lab"}' -d

--cert and --key are what the device proves itself with. --cafile is the
CA that the lab server's own certificate was signed by, so that
mosquitto_pub can check it is really talking to the lab. ${serverCaWords}

The lab lets the device in only while its certificate is ACTIVE in the
lab's registry, and lets it publish only where a policy attached to the
certificate allows it: the AWS IoT policies lesson covers that step.

If the lab runs on another machine, replace ${host} with the address
npm start printed.
`;
}
