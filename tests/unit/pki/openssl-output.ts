/** Reading what `openssl x509` prints, to compare it with what the decoder says. */
import type { Certificate, DecodedField, KeyUsageName } from '../../../src/core/pki/index.ts';
import { opensslOk } from './support.ts';

export interface OpensslView {
  subject: string;
  issuer: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  sha256: string;
  sha1: string;
  /** Extension title → { critical, value }. */
  extensions: Map<string, { critical: boolean; value: string }>;
  /** Attribute name → ASN.1 string type, e.g. commonName → UTF8STRING. */
  subjectTypes: Map<string, string>;
  signatureAlgorithm: string;
  publicKey: string;
  /** offset → total length, from `openssl asn1parse`. */
  elements: Map<number, number>;
}

const views = new Map<string, OpensslView>();

/** What OpenSSL prints about a certificate file; each file is asked once. */
export function opensslView(file: string): OpensslView {
  const cached = views.get(file);
  if (cached) return cached;

  const fields = opensslOk([
    'x509',
    '-in',
    file,
    '-noout',
    '-subject',
    '-issuer',
    '-serial',
    '-dates',
    '-fingerprint',
    '-sha256',
    '-nameopt',
    'RFC2253,-esc_msb',
    '-dateopt',
    'iso_8601',
    '-ext',
    EXTENSIONS,
  ]);
  const value = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(fields)?.[1] ?? '';
  const sha1 = opensslOk(['x509', '-in', file, '-noout', '-fingerprint', '-sha1']);
  const text = opensslOk(['x509', '-in', file, '-noout', '-text']);

  const view: OpensslView = {
    subject: value('subject'),
    issuer: value('issuer'),
    serial: value('serial'),
    notBefore: new Date(value('notBefore').replace(' ', 'T')),
    notAfter: new Date(value('notAfter').replace(' ', 'T')),
    sha256: value('sha256 Fingerprint'),
    sha1: /Fingerprint=(.*)$/m.exec(sha1)![1]!,
    extensions: extensions(fields),
    subjectTypes: subjectTypes(file),
    signatureAlgorithm: /Signature Algorithm: (\S+)/.exec(text)![1]!,
    publicKey:
      /NIST CURVE: (P-\d+)/.exec(text)?.[1] ??
      `RSA ${/Public-Key: \((\d+) bit\)/.exec(text)![1]}-bit`,
    elements: asn1parse(file),
  };
  views.set(file, view);
  return view;
}

const EXTENSIONS =
  'basicConstraints,keyUsage,extendedKeyUsage,subjectAltName,subjectKeyIdentifier,authorityKeyIdentifier';

function extensions(out: string): OpensslView['extensions'] {
  const found = new Map<string, { critical: boolean; value: string }>();
  let current: { critical: boolean; value: string } | undefined;
  for (const line of out.split('\n')) {
    const header = /^(X509v3 [^:]+):\s*(critical)?\s*$/.exec(line);
    if (header)
      found.set(header[1]!, (current = { critical: header[2] === 'critical', value: '' }));
    else if (current && line.trim())
      current.value += (current.value ? '\n' : '') + line.trim().replace(/^keyid:/, '');
  }
  return found;
}

function subjectTypes(file: string): Map<string, string> {
  const out = opensslOk([
    'x509',
    '-in',
    file,
    '-noout',
    '-subject',
    '-nameopt',
    'multiline,show_type',
  ]);
  const types = new Map<string, string>();
  for (const match of out.matchAll(/^\s+(\w+)\s+= (\w+):/gm)) types.set(match[1]!, match[2]!);
  return types;
}

function asn1parse(file: string): Map<number, number> {
  const elements = new Map<number, number>();
  for (const match of opensslOk(['asn1parse', '-in', file]).matchAll(
    /^\s*(\d+):d=\d+\s+hl=(\d+)\s+l=\s*(\d+)/gm,
  )) {
    elements.set(Number(match[1]), Number(match[2]) + Number(match[3]));
  }
  return elements;
}

const KEY_USAGE_WORDS: Record<KeyUsageName, string> = {
  digitalSignature: 'Digital Signature',
  nonRepudiation: 'Non Repudiation',
  keyEncipherment: 'Key Encipherment',
  dataEncipherment: 'Data Encipherment',
  keyAgreement: 'Key Agreement',
  keyCertSign: 'Certificate Sign',
  cRLSign: 'CRL Sign',
  encipherOnly: 'Encipher Only',
  decipherOnly: 'Decipher Only',
};

const PURPOSE_WORDS: Record<string, string> = {
  clientAuth: 'TLS Web Client Authentication',
  serverAuth: 'TLS Web Server Authentication',
};

/** Our decoded extensions, in the words and order `openssl x509 -ext` uses. */
export function extensionsAsOpenssl(certificate: Certificate): OpensslView['extensions'] {
  const ext = certificate.extensions;
  const critical = (name: string) => ext.list.find((e) => e.name === name)?.critical ?? false;
  const colon = (hex: string) => hex.toUpperCase().match(/../g)!.join(':');
  const view = new Map<string, { critical: boolean; value: string }>();
  if (ext.basicConstraints) {
    const { cA, pathLenConstraint } = ext.basicConstraints;
    view.set('X509v3 Basic Constraints', {
      critical: critical('basicConstraints'),
      value: `CA:${cA ? 'TRUE' : 'FALSE'}${pathLenConstraint === undefined ? '' : `, pathlen:${pathLenConstraint}`}`,
    });
  }
  if (ext.keyUsage) {
    view.set('X509v3 Key Usage', {
      critical: critical('keyUsage'),
      value: ext.keyUsage.map((u) => KEY_USAGE_WORDS[u]).join(', '),
    });
  }
  if (ext.extKeyUsage) {
    view.set('X509v3 Extended Key Usage', {
      critical: critical('extKeyUsage'),
      value: ext.extKeyUsage.map((p) => PURPOSE_WORDS[p] ?? p).join(', '),
    });
  }
  if (ext.subjectAltName) {
    const words = ext.subjectAltName.map((n) =>
      n.type === 'dns' ? `DNS:${n.value}` : `IP Address:${opensslIp(n.value)}`,
    );
    view.set('X509v3 Subject Alternative Name', {
      critical: critical('subjectAltName'),
      value: words.join(', '),
    });
  }
  if (ext.subjectKeyIdentifier) {
    view.set('X509v3 Subject Key Identifier', {
      critical: false,
      value: colon(ext.subjectKeyIdentifier),
    });
  }
  if (ext.authorityKeyIdentifier) {
    view.set('X509v3 Authority Key Identifier', {
      critical: false,
      value: colon(ext.authorityKeyIdentifier),
    });
  }
  return view;
}

/** OpenSSL prints IPv6 as eight groups without compression. */
function opensslIp(ip: string): string {
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return groups.map((g) => parseInt(g, 16).toString(16).toUpperCase()).join(':');
}

/** Every node of the field tree, depth first. */
export function allFields(root: DecodedField): DecodedField[] {
  return [root, ...(root.children ?? []).flatMap(allFields)];
}
