/**
 * Certificate serial numbers (RFC 5280 §4.1.2.2): positive, at most 20 bytes, unique per CA.
 * They are random here, 16 bytes as CA/Browser Forum practice suggests, and encoded as a DER
 * INTEGER: a value whose first byte is 0x80 or more gets a 0x00 in front, or it would read
 * as negative.
 */
import type { Bytes, CryptoPort } from './crypto-port.ts';
import { PkiError } from './pki-problem.ts';

const RANDOM_BYTES = 16;

/** The content bytes of a random positive serial number's INTEGER. */
export function randomSerialNumber(crypto: CryptoPort): Bytes {
  for (;;) {
    const random = crypto.getRandomValues(new Uint8Array(RANDOM_BYTES));
    // A random value of all zeros is possible, and zero is not a valid serial number.
    if (random.some((byte) => byte !== 0)) return serialNumberInteger(random);
  }
}

/**
 * The INTEGER content for a serial number given as its magnitude: leading zeros removed, then a
 * 0x00 sign byte if the first byte has its top bit set.
 */
export function serialNumberInteger(magnitude: Uint8Array): Bytes {
  let start = 0;
  while (start < magnitude.length && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  if (trimmed.length === 0) {
    throw new PkiError(
      'serial-number-invalid',
      'A serial number of zero is not allowed (RFC 5280 §4.1.2.2).',
    );
  }
  if (trimmed.length > 20) {
    throw new PkiError(
      'serial-number-invalid',
      `A serial number of ${trimmed.length} bytes is too long; RFC 5280 allows 20.`,
    );
  }
  return trimmed[0]! >= 0x80 ? new Uint8Array([0, ...trimmed]) : new Uint8Array(trimmed);
}
