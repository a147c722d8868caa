/**
 * The identity a broker gives a device once it accepts its certificate: AWS IoT's certificate
 * ID (SHA-256 of the DER) and the fields policies read (iot:Certificate.Subject.CommonName …).
 */
import type { Certificate } from '../pki/certificate.ts';
import type { CryptoPort } from '../pki/crypto-port.ts';
import { certificateId } from '../pki/fingerprint.ts';
import type { DeviceIdentity } from './handshake-report.ts';

export async function deviceIdentity(
  crypto: CryptoPort,
  certificate: Certificate,
): Promise<DeviceIdentity> {
  return {
    certificateId: await certificateId(crypto, certificate.der),
    subject: certificate.subject.text,
    issuer: certificate.issuer.text,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.validity.notBefore.toISOString(),
    notAfter: certificate.validity.notAfter.toISOString(),
    commonNames: certificate.subject.rdns
      .flat()
      .filter((attribute) => attribute.short === 'CN')
      .map((attribute) => attribute.value),
  };
}
