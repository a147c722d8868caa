import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRootCa,
  generateKeyPair,
  issueCertificate,
  nameSpec,
  nameSpecText,
  PkiError,
} from '../../../src/core/pki/index.ts';
import { crypto, opensslOk, requireOpenssl, tempDir, type TempDir } from './support.ts';

describe('names a learner types', () => {
  it('each attribute is PrintableString when it can be, UTF8String otherwise, in C, ST, L, O, OU, CN order', () => {
    const spec = nameSpec({
      CN: 'Capteur-Señal-温度',
      O: 'Müller GmbH',
      OU: 'R&D',
      C: 'de',
      L: 'Köln',
    });
    expect(spec.map((a) => [a.name, a.value, a.stringType])).toEqual([
      ['countryName', 'DE', 'PrintableString'],
      ['localityName', 'Köln', 'UTF8String'],
      ['organizationName', 'Müller GmbH', 'UTF8String'],
      // '&' is not in the PrintableString alphabet.
      ['organizationalUnitName', 'R&D', 'UTF8String'],
      ['commonName', 'Capteur-Señal-温度', 'UTF8String'],
    ]);
    expect(nameSpecText(spec)).toBe('CN=Capteur-Señal-温度,OU=R&D,O=Müller GmbH,L=Köln,C=DE');
  });

  it.each([['France'], ['F'], ['F1'], ['  ']])(
    'countryName "%s" is refused with a clear error',
    (country) => {
      let error: PkiError | undefined;
      try {
        nameSpec({ CN: 'x', C: country });
      } catch (e) {
        error = e as PkiError;
      }
      expect(error).toBeInstanceOf(PkiError);
      expect(['country-name-invalid', 'attribute-empty']).toContain(error?.code);
      if (error?.code === 'country-name-invalid') {
        expect(error.message).toBe(
          `countryName (C) must be a two-letter ISO 3166 code such as FR, DE or US; got "${country}". ` +
            'RFC 5280 fixes its size at two characters, and OpenSSL refuses anything else.',
        );
      }
    },
  );

  it('attributes longer than RFC 5280 allows, and empty names, are refused', () => {
    expect(() => nameSpec({ CN: 'x'.repeat(65) })).toThrow(
      'commonName (CN) has 65 characters; RFC 5280 allows at most 64. Shorten it.',
    );
    expect(nameSpec({ CN: '温'.repeat(64) })[0]!.value).toHaveLength(64);
    expect(() => nameSpec({})).toThrow(expect.objectContaining({ code: 'name-empty' }));
    expect(() => nameSpec({ CN: '' })).toThrow(
      expect.objectContaining({ code: 'attribute-empty' }),
    );
  });
});

describe('names written as OpenSSL writes them (RFC 2253)', () => {
  let dir: TempDir;
  beforeAll(() => {
    requireOpenssl();
    dir = tempDir();
  });
  afterAll(() => dir?.remove());

  it('commas, plus signs, quotes and a leading # are escaped the way openssl -nameopt RFC2253 does', async () => {
    const ca = await createRootCa(crypto, { subject: { CN: 'Escapes CA' } });
    const issued = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: '#1 Smith, John + "Jr" <x>;', O: 'A\\B' },
      publicKey: await generateKeyPair(crypto, 'P-256'),
      issuer: ca,
    });
    const file = dir.write('escapes.pem', issued.pem);
    const printed = opensslOk([
      'x509',
      '-in',
      file,
      '-noout',
      '-subject',
      '-nameopt',
      'RFC2253,-esc_msb',
    ]).trim();
    expect(issued.certificate.subject.text).toBe(
      'CN=\\#1 Smith\\, John \\+ \\"Jr\\" \\<x\\>\\;,O=A\\\\B',
    );
    expect(`subject=${issued.certificate.subject.text}`).toBe(printed);
  });
});
