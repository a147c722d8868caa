import { describe, expect, it } from 'vitest';
import {
  createRootCa,
  findField,
  generateKeyPair,
  issueCertificate,
  PkiError,
  randomSerialNumber,
  serialNumberInteger,
  type CryptoPort,
} from '../../../src/core/pki/index.ts';
import { crypto } from './support.ts';

/** A WebCrypto whose random bytes are scripted, to reach the rare cases on purpose. */
function scripted(...draws: number[][]): CryptoPort & { draws: number } {
  const port = {
    draws: 0,
    subtle: crypto.subtle,
    getRandomValues(array: Uint8Array<ArrayBuffer>) {
      const next = draws[port.draws++] ?? [];
      array.fill(0);
      array.set(next.slice(0, array.length));
      return array;
    },
  };
  return port;
}

describe('serial numbers are random, positive and never zero (RFC 5280 §4.1.2.2)', () => {
  it('2000 random serials are minimal positive INTEGERs, a 0x00 in front exactly when the top bit is set', () => {
    let prefixed = 0;
    for (let i = 0; i < 2000; i++) {
      const serial = randomSerialNumber(crypto);
      expect(serial.length).toBeGreaterThan(0);
      expect(serial.length).toBeLessThanOrEqual(17);
      if (serial[0] === 0) {
        prefixed++;
        expect(serial[1]).toBeGreaterThanOrEqual(0x80);
      } else {
        expect(serial[0]).toBeLessThan(0x80);
      }
      expect(serial.some((b) => b !== 0)).toBe(true);
    }
    // Half of uniform random first bytes are 0x80 or more.
    expect(prefixed).toBeGreaterThan(800);
    expect(prefixed).toBeLessThan(1200);
  });

  it('a first random byte of 0x80 or more gets a 0x00 sign byte', () => {
    const serial = randomSerialNumber(scripted([0x80, ...Array(15).fill(7)]));
    expect([...serial.subarray(0, 3)]).toEqual([0x00, 0x80, 0x07]);
    expect(serial).toHaveLength(17);
  });

  it('leading zero bytes are dropped, so the INTEGER stays minimal', () => {
    const serial = randomSerialNumber(scripted([0, 0, 0x12, ...Array(13).fill(1)]));
    expect([...serial.subarray(0, 2)]).toEqual([0x12, 0x01]);
    expect(serial).toHaveLength(14);
    expect([
      ...randomSerialNumber(scripted([0, 0x9a, ...Array(14).fill(1)])).subarray(0, 2),
    ]).toEqual([0x00, 0x9a]);
  });

  it('all-zero random bytes are drawn again, never giving serial number 0', () => {
    const port = scripted(Array(16).fill(0), [0x42, ...Array(15).fill(0)]);
    const serial = randomSerialNumber(port);
    expect(port.draws).toBe(2);
    expect(serial[0]).toBe(0x42);
  });

  it('a chosen serial is encoded the same way, and zero or more than 20 bytes is refused', () => {
    expect([...serialNumberInteger(new Uint8Array([0xff, 0x01]))]).toEqual([0x00, 0xff, 0x01]);
    expect([...serialNumberInteger(new Uint8Array([0x00, 0x7f]))]).toEqual([0x7f]);
    expect(() => serialNumberInteger(new Uint8Array([0, 0]))).toThrow(PkiError);
    expect(() => serialNumberInteger(new Uint8Array(21).fill(1))).toThrow(/20/);
  });

  it.each(['RSA-2048', 'P-256'] as const)(
    'a %s certificate carries the 0x00 byte in its DER and reads back positive',
    async (algorithm) => {
      const ca = await createRootCa(crypto, { subject: { CN: 'Serial CA' }, algorithm });
      const issued = await issueCertificate(crypto, {
        role: 'device',
        subject: { CN: 'serial-test' },
        publicKey: await generateKeyPair(crypto, algorithm),
        issuer: ca,
        serialNumber: new Uint8Array([0xc0, 0xff, 0xee]),
      });
      const field = findField(issued.certificate.fields, 'serialNumber')!;
      expect([...issued.der.subarray(field.offset, field.offset + field.length)]).toEqual([
        0x02, 0x04, 0x00, 0xc0, 0xff, 0xee,
      ]);
      expect(issued.certificate.serialNumber).toBe('c0ffee');
      expect(field.value).toBe('C0:FF:EE');
      expect(issued.certificate.notes).toEqual([]);
    },
  );
});
