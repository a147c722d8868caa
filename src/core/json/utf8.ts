/**
 * Bytes to text for JSON read from a file. JSON exchanged between systems must be UTF-8
 * (RFC 8259 §8.1), and AWS IoT's Device Shadow service refuses any other encoding with 415.
 * The usual culprit is Windows PowerShell, whose redirection writes UTF-16 (AWS CLI User
 * Guide, "Loading a parameter from a file"), so UTF-16 and UTF-32 are named, not guessed at.
 */
import { problemAt, type JsonProblem } from './problem.ts';

export type Decoded = { ok: true; text: string } | { ok: false; problem: JsonProblem };

const WIDE_BOMS: Array<[string, number[]]> = [
  ['UTF-32 (little-endian)', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32 (big-endian)', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16 (little-endian)', [0xff, 0xfe]],
  ['UTF-16 (big-endian)', [0xfe, 0xff]],
];

export function decodeUtf8(bytes: Uint8Array): Decoded {
  const wide = WIDE_BOMS.find(([, mark]) => mark.every((b, i) => bytes[i] === b));
  if (wide) return notUtf8('', `The file is ${wide[0]}, not UTF-8. ${RESAVE}`);

  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      return notUtf8(
        text,
        `Byte ${i} (0x${bytes[i]!.toString(16).padStart(2, '0')}) is not valid UTF-8. ${RESAVE}`,
      );
    }

    text += String.fromCodePoint(codePoint(bytes, i, length));
    i += length;
  }

  return { ok: true, text };
}

const RESAVE =
  'JSON must be UTF-8: save the file as UTF-8 in your editor, or in PowerShell write it with ' +
  'Out-File -Encoding utf8 (or ascii).';

function notUtf8(decodedSoFar: string, message: string): Decoded {
  return { ok: false, problem: problemAt(decodedSoFar, 'not-utf8', decodedSoFar.length, message) };
}

/** How many bytes the well-formed sequence at `i` takes, or 0 when it is malformed. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;

  const [length, min, max] =
    b0 >= 0xc2 && b0 <= 0xdf
      ? [2, 0x80, 0xbf]
      : b0 === 0xe0
        ? [3, 0xa0, 0xbf]
        : b0 === 0xed
          ? [3, 0x80, 0x9f] // excludes the UTF-16 surrogates
          : b0 >= 0xe1 && b0 <= 0xef
            ? [3, 0x80, 0xbf]
            : b0 === 0xf0
              ? [4, 0x90, 0xbf]
              : b0 >= 0xf1 && b0 <= 0xf3
                ? [4, 0x80, 0xbf]
                : b0 === 0xf4
                  ? [4, 0x80, 0x8f]
                  : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;

  const b1 = bytes[i + 1]!;
  if (b1 < min || b1 > max) return 0;
  for (let k = 2; k < length; k++) {
    const b = bytes[i + k]!;
    if (b < 0x80 || b > 0xbf) return 0;
  }

  return length;
}

function codePoint(bytes: Uint8Array, i: number, length: number): number {
  const b0 = bytes[i]!;
  if (length === 1) return b0;

  let code = b0 & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) code = (code << 6) | (bytes[i + k]! & 0x3f);

  return code;
}
