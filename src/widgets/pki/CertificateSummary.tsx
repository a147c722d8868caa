import type { Certificate, Fingerprints } from '../../core/pki/index.ts';

interface Props {
  certificate: Certificate;
  /** Computed with WebCrypto; absent while they are being hashed. */
  fingerprints?: Fingerprints | null;
  /** For screen readers and tests, e.g. "Device certificate". */
  label: string;
}

const iso = (date: Date) => date.toISOString().replace('.000Z', 'Z');

/** A serial number the way OpenSSL prints it: upper-case hex pairs with colons. */
export function serialText(hex: string): string {
  const even = hex.length % 2 === 1 ? `0${hex}` : hex;
  return (even.toUpperCase().match(/../g) ?? []).join(':');
}

/** The fields a learner looks at first, then the certificate ID AWS IoT would show. */
export default function CertificateSummary({ certificate, fingerprints, label }: Props) {
  const { extensions: ext } = certificate;
  const constraints = ext.basicConstraints?.cA
    ? `CA:TRUE${ext.basicConstraints.pathLenConstraint === undefined ? '' : `, pathLenConstraint:${ext.basicConstraints.pathLenConstraint}`}`
    : 'CA:FALSE';

  return (
    <dl class="hs-pki-summary" aria-label={label}>
      <Entry name="Subject" rule="RFC 5280 §4.1.2.6" value={certificate.subject.text} />
      <Entry name="Issuer" rule="RFC 5280 §4.1.2.4" value={certificate.issuer.text} />
      <Entry
        name="Serial number"
        rule="RFC 5280 §4.1.2.2"
        value={serialText(certificate.serialNumber)}
      />
      <Entry
        name="Not before"
        rule="RFC 5280 §4.1.2.5"
        value={iso(certificate.validity.notBefore)}
      />
      <Entry name="Not after" rule="RFC 5280 §4.1.2.5" value={iso(certificate.validity.notAfter)} />
      <Entry name="Public key" rule="RFC 5280 §4.1.2.7" value={certificate.publicKey.description} />
      <Entry
        name="Signature"
        rule="RFC 5280 §4.1.1.2"
        value={certificate.signatureAlgorithm.name}
      />
      <Entry name="Basic constraints" rule="RFC 5280 §4.2.1.9" value={constraints} />
      {ext.keyUsage && (
        <Entry name="Key usage" rule="RFC 5280 §4.2.1.3" value={ext.keyUsage.join(', ')} />
      )}
      {ext.extKeyUsage && (
        <Entry
          name="Extended key usage"
          rule="RFC 5280 §4.2.1.12"
          value={ext.extKeyUsage.join(', ')}
        />
      )}
      <Entry
        name="Certificate ID"
        rule="AWS IoT, inferred: SHA-256 of the DER"
        value={fingerprints?.certificateId ?? 'hashing…'}
      />
      <Entry
        name="SHA-256 fingerprint"
        rule="openssl x509 -fingerprint -sha256"
        value={fingerprints?.sha256 ?? 'hashing…'}
      />
      <Entry
        name="SHA-1 fingerprint"
        rule="openssl x509 -fingerprint -sha1"
        value={fingerprints?.sha1 ?? 'hashing…'}
      />
    </dl>
  );
}

function Entry({ name, value, rule }: { name: string; value: string; rule: string }) {
  return (
    <div class="hs-pki-summary__entry" data-entry={name}>
      <dt>
        {name} <span class="hs-rule">{rule}</span>
      </dt>
      <dd>
        <code>{value}</code>
      </dd>
    </div>
  );
}
