/**
 * The object identifiers the PKI tools name, each with the name its standard gives it and one
 * plain sentence on what it means.
 */

export interface OidInfo {
  /** The standard's name, e.g. `commonName` or `ecdsa-with-SHA256`. */
  name: string;
  /** OpenSSL's short name for a name attribute, e.g. `CN`. */
  short?: string;
  meaning: string;
}

const entries: [string, OidInfo][] = [
  // Name attributes (RFC 5280 §4.1.2.4, X.520)
  [
    '2.5.4.3',
    {
      name: 'commonName',
      short: 'CN',
      meaning: 'The name of the subject; for a device, usually its thing name or client ID.',
    },
  ],
  [
    '2.5.4.6',
    {
      name: 'countryName',
      short: 'C',
      meaning: 'The two-letter ISO 3166 country code of the subject.',
    },
  ],
  [
    '2.5.4.7',
    { name: 'localityName', short: 'L', meaning: 'The city or locality of the subject.' },
  ],
  [
    '2.5.4.8',
    { name: 'stateOrProvinceName', short: 'ST', meaning: 'The state or province of the subject.' },
  ],
  [
    '2.5.4.9',
    { name: 'streetAddress', short: 'street', meaning: 'The street address of the subject.' },
  ],
  [
    '2.5.4.10',
    { name: 'organizationName', short: 'O', meaning: 'The organization the subject belongs to.' },
  ],
  [
    '2.5.4.11',
    {
      name: 'organizationalUnitName',
      short: 'OU',
      meaning: 'A department or unit within the organization.',
    },
  ],
  [
    '2.5.4.5',
    {
      name: 'serialNumber',
      short: 'serialNumber',
      meaning:
        'A serial number of the subject, such as a device serial; not the certificate serial.',
    },
  ],
  ['2.5.4.4', { name: 'surname', short: 'SN', meaning: 'The family name of a person.' }],
  ['2.5.4.42', { name: 'givenName', short: 'GN', meaning: 'The given name of a person.' }],
  ['2.5.4.12', { name: 'title', short: 'title', meaning: 'The title or role of a person.' }],
  [
    '2.5.4.46',
    {
      name: 'dnQualifier',
      short: 'dnQualifier',
      meaning: 'A qualifier that tells apart subjects with otherwise equal names.',
    },
  ],
  ['2.5.4.65', { name: 'pseudonym', short: 'pseudonym', meaning: 'A pseudonym of the subject.' }],
  [
    '1.2.840.113549.1.9.1',
    {
      name: 'emailAddress',
      short: 'emailAddress',
      meaning: 'An e-mail address; RFC 5280 prefers it in subjectAltName.',
    },
  ],
  [
    '0.9.2342.19200300.100.1.25',
    { name: 'domainComponent', short: 'DC', meaning: 'One label of a DNS domain name.' },
  ],
  ['0.9.2342.19200300.100.1.1', { name: 'userId', short: 'UID', meaning: 'A user identifier.' }],

  // Key and signature algorithms (RFC 3279, RFC 4055, RFC 5480, RFC 5758)
  ['1.2.840.113549.1.1.1', { name: 'rsaEncryption', meaning: 'An RSA public key.' }],
  [
    '1.2.840.113549.1.1.5',
    {
      name: 'sha1WithRSAEncryption',
      meaning:
        'An RSA signature over a SHA-1 hash; SHA-1 is broken for signatures and AWS IoT refuses it.',
    },
  ],
  ['1.2.840.113549.1.1.10', { name: 'RSASSA-PSS', meaning: 'An RSA signature with PSS padding.' }],
  [
    '1.2.840.113549.1.1.11',
    {
      name: 'sha256WithRSAEncryption',
      meaning: 'An RSA PKCS #1 v1.5 signature over a SHA-256 hash.',
    },
  ],
  [
    '1.2.840.113549.1.1.12',
    {
      name: 'sha384WithRSAEncryption',
      meaning: 'An RSA PKCS #1 v1.5 signature over a SHA-384 hash.',
    },
  ],
  [
    '1.2.840.113549.1.1.13',
    {
      name: 'sha512WithRSAEncryption',
      meaning: 'An RSA PKCS #1 v1.5 signature over a SHA-512 hash.',
    },
  ],
  [
    '1.2.840.10045.2.1',
    {
      name: 'id-ecPublicKey',
      meaning: 'An elliptic-curve public key; the parameters name the curve.',
    },
  ],
  [
    '1.2.840.10045.3.1.7',
    {
      name: 'prime256v1',
      meaning: 'The NIST P-256 curve (secp256r1), which AWS IoT accepts for device keys.',
    },
  ],
  ['1.3.132.0.34', { name: 'secp384r1', meaning: 'The NIST P-384 curve.' }],
  ['1.3.132.0.35', { name: 'secp521r1', meaning: 'The NIST P-521 curve.' }],
  [
    '1.2.840.10045.4.1',
    {
      name: 'ecdsa-with-SHA1',
      meaning: 'An ECDSA signature over a SHA-1 hash; SHA-1 is broken for signatures.',
    },
  ],
  [
    '1.2.840.10045.4.3.2',
    { name: 'ecdsa-with-SHA256', meaning: 'An ECDSA signature over a SHA-256 hash.' },
  ],
  [
    '1.2.840.10045.4.3.3',
    { name: 'ecdsa-with-SHA384', meaning: 'An ECDSA signature over a SHA-384 hash.' },
  ],
  [
    '1.2.840.10045.4.3.4',
    { name: 'ecdsa-with-SHA512', meaning: 'An ECDSA signature over a SHA-512 hash.' },
  ],
  ['1.3.101.112', { name: 'Ed25519', meaning: 'An Ed25519 key or signature.' }],

  // Certificate extensions (RFC 5280 §4.2)
  [
    '2.5.29.14',
    {
      name: 'subjectKeyIdentifier',
      meaning:
        'A short identifier of this certificate’s public key, which certificates it signs quote.',
    },
  ],
  [
    '2.5.29.15',
    {
      name: 'keyUsage',
      meaning: 'What the key may do: sign data, sign certificates, encipher keys.',
    },
  ],
  [
    '2.5.29.17',
    {
      name: 'subjectAltName',
      meaning: 'Other names of the subject: DNS names and IP addresses a TLS client checks.',
    },
  ],
  ['2.5.29.18', { name: 'issuerAltName', meaning: 'Other names of the issuer.' }],
  [
    '2.5.29.19',
    {
      name: 'basicConstraints',
      meaning: 'Whether this certificate belongs to a CA, and how many CAs may follow it.',
    },
  ],
  ['2.5.29.30', { name: 'nameConstraints', meaning: 'The names a CA may issue certificates for.' }],
  [
    '2.5.29.31',
    {
      name: 'cRLDistributionPoints',
      meaning: 'Where to download the list of revoked certificates.',
    },
  ],
  [
    '2.5.29.32',
    {
      name: 'certificatePolicies',
      meaning: 'The policies under which the certificate was issued.',
    },
  ],
  [
    '2.5.29.35',
    {
      name: 'authorityKeyIdentifier',
      meaning: 'The key identifier of the CA that signed this certificate, to find its issuer.',
    },
  ],
  [
    '2.5.29.37',
    {
      name: 'extKeyUsage',
      meaning: 'The purposes the key may serve, such as TLS client or TLS server.',
    },
  ],
  [
    '1.3.6.1.5.5.7.1.1',
    {
      name: 'authorityInfoAccess',
      meaning: 'Where to find the issuer’s certificate and its OCSP responder.',
    },
  ],

  // Extended key usages (RFC 5280 §4.2.1.12)
  [
    '1.3.6.1.5.5.7.3.1',
    { name: 'serverAuth', meaning: 'TLS server authentication, e.g. the broker’s certificate.' },
  ],
  [
    '1.3.6.1.5.5.7.3.2',
    {
      name: 'clientAuth',
      meaning: 'TLS client authentication, what a device certificate needs for mutual TLS.',
    },
  ],
  ['1.3.6.1.5.5.7.3.3', { name: 'codeSigning', meaning: 'Signing code.' }],
  ['1.3.6.1.5.5.7.3.4', { name: 'emailProtection', meaning: 'Signing and encrypting e-mail.' }],
  ['1.3.6.1.5.5.7.3.8', { name: 'timeStamping', meaning: 'Signing time stamps.' }],
  ['1.3.6.1.5.5.7.3.9', { name: 'OCSPSigning', meaning: 'Signing OCSP responses.' }],
  ['2.5.29.37.0', { name: 'anyExtendedKeyUsage', meaning: 'Any purpose at all.' }],

  // PKCS #9, #5, #12 (RFC 2985, RFC 8018, RFC 7292)
  [
    '1.2.840.113549.1.9.14',
    {
      name: 'extensionRequest',
      meaning: 'Extensions the requester asks the CA to put in the certificate.',
    },
  ],
  [
    '1.2.840.113549.1.9.7',
    {
      name: 'challengePassword',
      meaning: 'A password the requester may use to revoke the certificate later.',
    },
  ],
  [
    '1.2.840.113549.1.5.13',
    { name: 'PBES2', meaning: 'Encryption with a key derived from a password (PKCS #5 v2).' },
  ],
  [
    '1.2.840.113549.1.5.12',
    {
      name: 'PBKDF2',
      meaning: 'The function that derives a key from the password, a salt and an iteration count.',
    },
  ],
  [
    '1.2.840.113549.2.7',
    { name: 'hmacWithSHA1', meaning: 'HMAC-SHA-1, the pseudo-random function inside PBKDF2.' },
  ],
  [
    '1.2.840.113549.2.9',
    { name: 'hmacWithSHA256', meaning: 'HMAC-SHA-256, the pseudo-random function inside PBKDF2.' },
  ],
  [
    '2.16.840.1.101.3.4.1.2',
    { name: 'aes128-CBC', meaning: 'AES with a 128-bit key in CBC mode.' },
  ],
  [
    '2.16.840.1.101.3.4.1.22',
    { name: 'aes192-CBC', meaning: 'AES with a 192-bit key in CBC mode.' },
  ],
  [
    '2.16.840.1.101.3.4.1.42',
    { name: 'aes256-CBC', meaning: 'AES with a 256-bit key in CBC mode.' },
  ],
  [
    '1.2.840.113549.3.7',
    { name: 'des-ede3-cbc', meaning: 'Triple DES in CBC mode, an old cipher.' },
  ],
  [
    '1.2.840.113549.1.12.1.3',
    {
      name: 'pbeWithSHAAnd3-KeyTripleDES-CBC',
      meaning: 'Old PKCS #12 password encryption with triple DES.',
    },
  ],
];

const REGISTRY = new Map(entries);

/** What the registry knows of an OID, or a generic entry that shows the dotted form. */
export function oidInfo(oid: string): OidInfo {
  return (
    REGISTRY.get(oid) ?? { name: oid, meaning: 'An object identifier Handshake has no name for.' }
  );
}

/** The OID of a registered name, e.g. `oidOf('clientAuth')`. */
export function oidOf(name: string): string {
  for (const [oid, info] of REGISTRY) if (info.name === name || info.short === name) return oid;
  throw new Error(`No OID is registered under the name '${name}'.`);
}

export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  secp384r1: '1.3.132.0.34',
  secp521r1: '1.3.132.0.35',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  anyExtendedKeyUsage: '2.5.29.37.0',
  extensionRequest: '1.2.840.113549.1.9.14',
  countryName: '2.5.4.6',
} as const;
