/**
 * What the terminal sends when a key is pressed (xterm's `onData`), as named keys. Printable
 * text, including a paste, arrives as one `text` key; arrows and Home/End arrive as ECMA-48
 * CSI or SS3 sequences; Ctrl-letter arrives as a C0 control character.
 */

/** Keys that need no more than their name. */
export const NAMED_KEYS = [
  'enter',
  'tab',
  'backspace',
  'delete',
  'left',
  'right',
  'up',
  'down',
  'home',
  'end',
  'word-left',
  'word-right',
  'alt-backspace',
  'escape',
] as const;
type Named = (typeof NAMED_KEYS)[number];

export type Key =
  | { kind: 'text'; text: string }
  | { kind: 'ctrl'; letter: string }
  | { kind: Named };

/** CSI final bytes and `n~` parameters (xterm's defaults) to keys. */
const CSI_FINAL: Record<string, Named> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
};
const CSI_TILDE: Record<string, Named> = {
  '1': 'home',
  '7': 'home',
  '4': 'end',
  '8': 'end',
  '3': 'delete',
};

export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') keys.push({ kind: 'text', text });
    text = '';
  };
  const push = (key: Key) => {
    flush();
    keys.push(key);
  };

  for (let i = 0; i < data.length; i++) {
    const c = data.charAt(i);
    const code = c.charCodeAt(0);

    if (c === '\x1b') {
      const [key, length] = escapeSequence(data, i);
      push(key);
      i += length - 1;
    } else if (c === '\r' || c === '\n') {
      // A pasted Windows line ending is one Enter, not two.
      if (c === '\r' && data.charAt(i + 1) === '\n') i += 1;
      push({ kind: 'enter' });
    } else if (c === '\t') {
      push({ kind: 'tab' });
    } else if (code === 0x7f || code === 0x08) {
      push({ kind: 'backspace' });
    } else if (code < 0x20) {
      push({ kind: 'ctrl', letter: String.fromCharCode(code + 0x60) });
    } else {
      text += c;
    }
  }

  flush();
  return keys;
}

/** The key an escape sequence at `start` stands for, and how many characters it took. */
function escapeSequence(data: string, start: number): [Key, number] {
  const next = data.charAt(start + 1);

  if (next === '[') {
    const match = /^\x1b\[([0-9;]*)([\x40-\x7e])/.exec(data.slice(start));
    if (!match) return [{ kind: 'escape' }, 2];

    const [whole, params = '', final = ''] = match;
    // Ctrl (5) or Alt (3) with an arrow: `ESC [ 1 ; 5 D` moves by a word.
    const modified = /;[35]$/.test(params);
    if (modified && (final === 'C' || final === 'D')) {
      return [{ kind: final === 'C' ? 'word-right' : 'word-left' }, whole.length];
    }
    const kind = final === '~' ? CSI_TILDE[params] : CSI_FINAL[final];
    return [kind ? { kind } : { kind: 'escape' }, whole.length];
  }

  if (next === 'O') {
    const kind = CSI_FINAL[data.charAt(start + 2)];
    return [kind ? { kind } : { kind: 'escape' }, 3];
  }

  // Alt (Meta) sends ESC before the key.
  if (next === '\x7f' || next === '\x08') return [{ kind: 'alt-backspace' }, 2];
  if (next === 'b') return [{ kind: 'word-left' }, 2];
  if (next === 'f') return [{ kind: 'word-right' }, 2];

  return [{ kind: 'escape' }, 1];
}
