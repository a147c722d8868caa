/**
 * A payload as bytes, seen the ways a message log shows it: its size against AWS IoT Core's
 * limit, a hex dump and Base64. Pure, so the page and the terminal print the same thing.
 */

/** AWS IoT Core rejects a PUBLISH whose payload is larger than 128 KB (AWS IoT Core quotas). */
export const AWS_IOT_MAX_PAYLOAD_BYTES = 128 * 1024;

export interface PayloadSize {
  bytes: number;
  /** Share of the AWS IoT Core limit, in percent, rounded for display. */
  percent: number;
  overLimit: boolean;
  /** "57 bytes, 0.04% of AWS IoT Core's 128 KB limit" */
  words: string;
}

export function payloadSize(bytes: number): PayloadSize {
  const percent = (bytes / AWS_IOT_MAX_PAYLOAD_BYTES) * 100;
  const shown =
    percent === 0
      ? '0'
      : percent < 0.01
        ? '<0.01'
        : percent < 10
          ? percent.toFixed(2)
          : percent.toFixed(0);
  const overLimit = bytes > AWS_IOT_MAX_PAYLOAD_BYTES;
  const unit = bytes === 1 ? 'byte' : 'bytes';
  const words = overLimit
    ? `${bytes} ${unit}: over AWS IoT Core's 128 KB limit by ${bytes - AWS_IOT_MAX_PAYLOAD_BYTES}`
    : `${bytes} ${unit}, ${shown}% of AWS IoT Core's 128 KB limit`;

  return { bytes, percent, overLimit, words };
}

export interface HexDumpOptions {
  /** Bytes on each line. Default: 16. */
  perLine?: number;
  /** Bytes shown before the dump stops and says how many are left. Default: 4096. */
  maxBytes?: number;
}

/** Offset, bytes in hex, and the printable ASCII beside them, `perLine` bytes a line. */
export function hexDump(bytes: Uint8Array, options: HexDumpOptions = {}): string {
  const { perLine = 16, maxBytes = 4096 } = options;
  const shown = bytes.subarray(0, maxBytes);
  const offsetWidth = Math.max(
    perLine === 16 ? 8 : 4,
    Math.max(0, shown.length - 1).toString(16).length,
  );
  const hexWidth = perLine * 3 + (perLine > 8 ? 1 : 0) - 1;
  const lines: string[] = [];

  for (let start = 0; start < shown.length; start += perLine) {
    const row = shown.subarray(start, start + perLine);
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0'));
    // Sixteen-byte lines split in two halves of eight, as hexdump -C does.
    const columns =
      perLine > 8 ? `${hex.slice(0, 8).join(' ')}  ${hex.slice(8).join(' ')}` : hex.join(' ');
    const ascii = Array.from(row, (b) =>
      b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.',
    ).join('');
    lines.push(
      `${start.toString(16).padStart(offsetWidth, '0')}  ${columns.padEnd(hexWidth)}  |${ascii}|`,
    );
  }
  if (bytes.length > maxBytes) lines.push(`… ${bytes.length - maxBytes} more bytes`);

  return lines.join('\n');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard Base64 with padding (RFC 4648 §4), as AWS APIs carry binary payloads. */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63]! : '=';
  }

  return out;
}
