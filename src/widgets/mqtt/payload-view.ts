/** How a payload is shown in a message log: always as text, never as HTML. */
export type PayloadView =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'json'; text: string; pretty: string }
  | { kind: 'binary'; hex: string; size: number };

const MAX_HEX_BYTES = 64;

export function viewPayload(payload: Uint8Array): PayloadView {
  if (payload.length === 0) return { kind: 'empty' };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(payload);
  } catch {
    const shown = Array.from(payload.subarray(0, MAX_HEX_BYTES), (b) =>
      b.toString(16).padStart(2, '0'),
    );
    const more = payload.length > MAX_HEX_BYTES ? ' …' : '';
    return { kind: 'binary', hex: shown.join(' ') + more, size: payload.length };
  }

  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { kind: 'json', text, pretty: JSON.stringify(JSON.parse(trimmed), null, 2) };
    } catch {
      // Not JSON after all; it is shown as the text it is.
    }
  }
  return { kind: 'text', text };
}

/** HH:MM:SS.mmm in the learner's own time zone. */
export function clockTime(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
