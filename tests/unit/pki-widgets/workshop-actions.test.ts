import { describe, expect, it } from 'vitest';
import * as pki from '../../../src/core/pki/index.ts';
import {
  certificateOf,
  describeError,
  issueDevice,
  makeCa,
} from '../../../src/widgets/pki/workshop-actions.ts';

describe('the workshop: a CA of your own and a device certificate', () => {
  it.each(['P-256', 'RSA-2048'] as const)(
    'a %s CA signs a device certificate that verifies',
    async (algorithm) => {
      const ca = await makeCa(pki, algorithm, { CN: 'My Device Root CA', O: 'Greenhouse Co' });
      const device = await issueDevice(pki, ca, algorithm, { CN: 'capteur-serre-été', C: 'FR' });

      const leaf = certificateOf(pki, device.certificatePem);
      const anchor = certificateOf(pki, ca.certificatePem);
      expect(leaf.subject.text).toBe('CN=capteur-serre-été,C=FR');
      expect(leaf.issuer.text).toBe('CN=My Device Root CA,O=Greenhouse Co');
      expect(leaf.extensions.extKeyUsage).toEqual(['clientAuth']);
      const verdict = await pki.verifyChain(globalThis.crypto, { leaf, trustAnchors: [anchor] });
      expect(verdict.failures).toEqual([]);
    },
  );

  it('a CA saved as PEM is read back and can sign again after a reload', async () => {
    const ca = await makeCa(pki, 'P-256', { CN: 'Saved CA' });
    const saved = JSON.parse(JSON.stringify(ca));
    const device = await issueDevice(pki, saved, 'P-256', { CN: 'after-reload' });
    expect(certificateOf(pki, device.certificatePem).issuer.text).toBe('CN=Saved CA');
  });

  it('a damaged saved certificate is refused with the decoder’s reason', () => {
    expect(() =>
      certificateOf(pki, '-----BEGIN CERTIFICATE-----\nAB*D\n-----END CERTIFICATE-----\n'),
    ).toThrow(/The saved certificate could not be read: Line 2, column 3 has '\*'/);
  });

  it('errors keep their title when the core gives one', () => {
    const error = new pki.PkiError('country-name-invalid', 'countryName (C) must be two letters.');
    expect(describeError(error)).toEqual({
      title: 'countryName is not two letters',
      message: 'countryName (C) must be two letters.',
    });
    expect(describeError('plain')).toEqual({ title: 'Something went wrong', message: 'plain' });
  });
});
