/**
 * The handshake transcript of the in-page model and its running hash (RFC 8446 §4.4.1:
 * Transcript-Hash(M1, …, Mn) = Hash(M1 || … || Mn)). The hash is a real SHA-256, but over the
 * model's own encoding of each message, since the model has no TLS wire format:
 *
 *   message = msg_type (1 byte, RFC 8446 §4 HandshakeType) || length (3 bytes) || fields
 *   field   = label length (1 byte) || label (ASCII) || value length (3 bytes) || value
 *
 * A value is raw bytes (randoms, key shares, certificates' DER, signatures) or UTF-8 text.
 */
import { concatBytes } from '../pki/bytes.ts';
import { digest, type Bytes, type CryptoPort } from '../pki/crypto-port.ts';
import { utf8Encode } from '../pki/text-encoding.ts';

/** RFC 8446 §4 HandshakeType numbers of the messages the model sends. */
export const HANDSHAKE_TYPES = {
  ClientHello: 1,
  ServerHello: 2,
  EncryptedExtensions: 8,
  Certificate: 11,
  CertificateRequest: 13,
  CertificateVerify: 15,
  Finished: 20,
} as const;

export type HandshakeMessageName = keyof typeof HANDSHAKE_TYPES;

/** One field of a modelled message: its name in RFC 8446 and its value. */
export type TranscriptField = [label: string, value: Uint8Array | string];

function uint24(length: number): Uint8Array {
  return new Uint8Array([(length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff]);
}

/** The model's bytes for one handshake message. */
export function encodeMessage(name: HandshakeMessageName, fields: TranscriptField[]): Bytes {
  const body = concatBytes(
    ...fields.flatMap(([label, value]) => {
      const labelBytes = utf8Encode(label);
      const valueBytes = typeof value === 'string' ? utf8Encode(value) : value;
      return [
        new Uint8Array([labelBytes.length]),
        labelBytes,
        uint24(valueBytes.length),
        valueBytes,
      ];
    }),
  );
  return concatBytes(new Uint8Array([HANDSHAKE_TYPES[name]]), uint24(body.length), body);
}

/** The messages so far, in order; both sides of the model keep the same one. */
export class Transcript {
  private readonly messages: Bytes[] = [];

  constructor(private readonly crypto: CryptoPort) {}

  /** Adds a message and returns the transcript hash that now includes it. */
  async add(name: HandshakeMessageName, fields: TranscriptField[]): Promise<Bytes> {
    this.messages.push(encodeMessage(name, fields));
    return this.hash();
  }

  /** SHA-256 over every message so far. */
  hash(): Promise<Bytes> {
    return digest(this.crypto, 'SHA-256', concatBytes(...this.messages));
  }

  /** The bytes hashed, for a learner who wants to check the hash with their own tools. */
  bytes(): Bytes {
    return concatBytes(...this.messages);
  }
}
