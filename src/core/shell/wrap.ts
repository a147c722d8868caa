/**
 * Breaking the shell's own words (errors, notes, help) at spaces to fit the terminal, so a
 * narrow screen does not split words. Payloads and file contents are never wrapped: they are
 * printed as they are, and the terminal wraps them.
 */

/**
 * A line broken into rows of at most `columns`. Continuation rows line up under the text they
 * continue: after the line's indent, after `Usage: `, or at a second column (two or more
 * spaces in, as in an options table).
 */
export function wrapWords(line: string, columns: number): string[] {
  const hang = hangingIndent(line);
  const room = columns - hang.length;
  if ([...line].length <= columns || room < 12) return [line];

  const first = /^\s*/.exec(line)?.[0] ?? '';
  const rows: string[] = [];
  let row = first;
  let width = columns - first.length;
  for (const word of line.slice(first.length).split(' ')) {
    const current = row.slice(rows.length === 0 ? first.length : hang.length);
    if (current !== '' && [...current].length + 1 + [...word].length > width) {
      rows.push(row);
      row = hang;
      width = room;
    }
    const now = row.slice(rows.length === 0 ? first.length : hang.length);
    row += now === '' ? word : ` ${word}`;
    // A word longer than a row is cut, as the terminal would have done.
    while ([...row].length > columns) {
      rows.push([...row].slice(0, columns).join(''));
      row = hang + [...row].slice(columns).join('');
      width = room;
    }
  }
  if (row.trim() !== '') rows.push(row);

  return rows;
}

/** Every line of `text` wrapped to `columns`. */
export function wrapText(text: string, columns: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapWords(line, columns))
    .join('\n');
}

function hangingIndent(line: string): string {
  const table = /^(\s*\S(?:.*?\S)?\s{2,})\S/.exec(line);
  if (table?.[1] && table[1].length <= 24) return ' '.repeat(table[1].length);

  const usage = /^(\s*)Usage: /.exec(line);
  if (usage) return ' '.repeat(usage[0].length);

  return /^\s*/.exec(line)?.[0] ?? '';
}
