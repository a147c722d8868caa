/**
 * Numbers JSON does not accept (RFC 8259 §6): NaN and Infinity, leading zeros, a plus sign,
 * hexadecimal, a decimal point without digits on both sides, an exponent without digits.
 */
import { isJsonNumber, type Finding } from './finding.ts';
import { show } from './problem.ts';

/** A run of characters that was meant as one number; `e-`/`E+` keep an exponent together. */
const NUMBERISH = /^[-+]?(?:[eE][-+]|[0-9A-Za-z_.])*/;

/** A finding when the token at `start` is a malformed number, or null when it is no number. */
export function numberFinding(text: string, start: number): Finding | null {
  const raw = NUMBERISH.exec(text.slice(start))?.[0] ?? '';
  const unsigned = raw.replace(/^[-+]/, '');

  if (unsigned === 'NaN' || unsigned === 'Infinity') return nanOrInfinity(raw, start);
  if (!/^[-+.]?[0-9.]/.test(raw) && raw !== '-' && raw !== '+') return null;
  if (isJsonNumber(raw)) return null;

  if (/^-?0\d/.test(raw)) return leadingZeros(raw, start);

  return { kind: 'invalid-number', offset: start, message: invalidNumber(raw) };
}

function nanOrInfinity(raw: string, start: number): Finding {
  return {
    kind: 'nan-or-infinity',
    offset: start,
    message:
      `${show(raw)} is not a JSON number: numbers cannot be NaN or Infinity. JavaScript's ` +
      'JSON.stringify writes null for them, and so should a device: send null (or leave the ' +
      'field out) when there is no valid reading, and say so in the schema.',
    repair: { offset: start, text: '0'.padEnd(raw.length) },
  };
}

function leadingZeros(raw: string, start: number): Finding {
  const negative = raw.startsWith('-');
  const digits = negative ? raw.slice(1) : raw;
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  const finding: Finding = {
    kind: 'leading-zeros',
    offset: start,
    message:
      `${show(raw)} starts with a zero followed by more digits, and JSON numbers may not have ` +
      `leading zeros: write ${negative ? '-' : ''}${trimmed}. If the zeros matter, as in a ` +
      `postcode or a serial number, it is text: send "${raw}" as a string.`,
  };
  if (!negative) {
    finding.repair = { offset: start, text: trimmed.padStart(digits.length) };
  }

  return finding;
}

function invalidNumber(raw: string): string {
  const why = numberRule(raw);
  return `${show(raw)} is not a JSON number: ${why}`;
}

function numberRule(raw: string): string {
  if (raw.startsWith('+')) return `JSON numbers have no plus sign; write ${raw.slice(1)}.`;
  if (/^-?0[xX]/.test(raw)) {
    const value = Number.parseInt(raw.replace(/^-?0[xX]/, ''), 16);
    const decimal = Number.isNaN(value)
      ? 'in decimal'
      : `as ${raw.startsWith('-') ? '-' : ''}${value}`;
    return `JSON numbers are decimal only; write it ${decimal}.`;
  }
  if (/^-?\./.test(raw))
    return `a digit must come before the decimal point; write ${raw.replace('.', '0.')}.`;
  if (/\.(?!\d)/.test(raw)) return 'a decimal point must be followed by digits, as in 5.0.';
  if (/[eE][-+]?(?!\d)/.test(raw)) return 'an exponent needs digits after the e, as in 1e3.';
  if (/^[-]$/.test(raw) || /^-(?!\d)/.test(raw)) return 'a minus sign must be followed by digits.';

  return 'a number is digits with an optional minus sign, decimal part and exponent, as in -12.5e3.';
}
