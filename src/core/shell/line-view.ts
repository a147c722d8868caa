/**
 * Draws the prompt and the line being typed, wrapped over as many rows as the terminal's width
 * needs, and puts the cursor where the editor's cursor is. Every change redraws the whole line:
 * it is a few dozen characters, and a full redraw cannot drift out of step with the screen.
 */

export interface Prompt {
  /** What is written, colours included. */
  text: string;
  /** How many columns it takes on screen. */
  width: number;
}

export interface Drawn {
  output: string;
  /** The row of the cursor, counted from the prompt's first row. */
  cursorRow: number;
}

/**
 * The characters that redraw `chars` after `prompt` with the cursor before `chars[cursor]`.
 * `fromRow` is the row the cursor was left on by the previous draw.
 */
export function drawLine(
  prompt: Prompt,
  chars: readonly string[],
  cursor: number,
  columns: number,
  fromRow: number,
): Drawn {
  const cols = Math.max(1, columns);
  let output = fromRow > 0 ? `\x1b[${fromRow}A` : '';
  // Back to the prompt's first column, then erase everything below (ECMA-48 ED 0).
  output += '\r\x1b[J';
  output += prompt.text + chars.join('');

  const total = prompt.width + widthOf(chars);
  // After filling the last column the cursor waits there to wrap; step onto the next row so
  // the arithmetic below starts from a known place.
  if (total > 0 && total % cols === 0) output += '\r\n';
  const endRow = Math.floor(total / cols);

  const target = prompt.width + widthOf(chars.slice(0, cursor));
  const targetRow = Math.floor(target / cols);
  const targetCol = target % cols;

  if (endRow > targetRow) output += `\x1b[${endRow - targetRow}A`;
  output += '\r';
  if (targetCol > 0) output += `\x1b[${targetCol}C`;

  return { output, cursorRow: targetRow };
}

/** The row the cursor sits on once the terminal has re-wrapped the line to `columns`. */
export function cursorRowAfterResize(
  prompt: Prompt,
  chars: readonly string[],
  cursor: number,
  columns: number,
): number {
  return Math.floor((prompt.width + widthOf(chars.slice(0, cursor))) / Math.max(1, columns));
}

/** Columns a run of code points takes: 2 for East Asian wide characters and most emoji. */
export function widthOf(chars: readonly string[]): number {
  let width = 0;
  for (const char of chars) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

/** The common wide ranges of Unicode's East Asian Width (UAX #11), not the whole table. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
