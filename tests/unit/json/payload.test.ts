import { describe, expect, it } from 'vitest';
import {
  AWS_IOT_MAX_PAYLOAD_BYTES,
  base64,
  hexDump,
  payloadSize,
} from '../../../src/core/json/payload.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('payload views', () => {
  it('measures a payload against the 128 KB limit', () => {
    expect(AWS_IOT_MAX_PAYLOAD_BYTES).toBe(131072);
    expect(payloadSize(57).words).toBe("57 bytes, 0.04% of AWS IoT Core's 128 KB limit");
    expect(payloadSize(1).words).toBe("1 byte, <0.01% of AWS IoT Core's 128 KB limit");
    expect(payloadSize(65536).words).toBe("65536 bytes, 50% of AWS IoT Core's 128 KB limit");
    expect(payloadSize(131072).overLimit).toBe(false);
    expect(payloadSize(131073)).toMatchObject({
      overLimit: true,
      words: "131073 bytes: over AWS IoT Core's 128 KB limit by 1",
    });
  });

  it.each(['', 'f', 'fo', 'foo', 'foob', '{"celsius": 21.5}', 'é🌡'])(
    'Base64 of %j is the standard one',
    (text) => {
      expect(base64(bytes(text))).toBe(Buffer.from(text).toString('base64'));
    },
  );

  it('hex dumps sixteen bytes a line with offsets and printable ASCII', () => {
    expect(hexDump(bytes('{"celsius": 21.5, "x": 1}\n'))).toBe(
      '00000000  7b 22 63 65 6c 73 69 75  73 22 3a 20 32 31 2e 35  |{"celsius": 21.5|\n' +
        '00000010  2c 20 22 78 22 3a 20 31  7d 0a                    |, "x": 1}.|',
    );
  });

  it('fits a narrow log with eight bytes a line and a short offset', () => {
    expect(hexDump(bytes('{"celsius": 21.5}'), { perLine: 8 })).toBe(
      '0000  7b 22 63 65 6c 73 69 75  |{"celsiu|\n' +
        '0008  73 22 3a 20 32 31 2e 35  |s": 21.5|\n' +
        '0010  7d                       |}|',
    );
  });

  it('stops a long hex dump and says how much is left', () => {
    const dump = hexDump(new Uint8Array(40), { maxBytes: 16 });

    expect(dump.split('\n')).toHaveLength(2);
    expect(dump).toMatch(/… 24 more bytes$/);
  });
});
