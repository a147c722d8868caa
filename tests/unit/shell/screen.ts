/**
 * Just enough of a VT100 screen to check what the learner would see: printable text with
 * xterm's deferred wrap at the last column, CR, LF, cursor up and forward, erase below and erase
 * all. Colours are dropped.
 */
import { RecordingTerminal } from './fakes.ts';

export class ScreenTerminal extends RecordingTerminal {
  private rows: string[][] = [[]];
  x = 0;
  y = 0;
  private pendingWrap = false;

  constructor(cols = 80) {
    super();
    this.cols = cols;
  }

  override write(data: string): void {
    super.write(data);
    for (let i = 0; i < data.length; i++) {
      const c = data.charAt(i);
      if (c === '\x1b') {
        const match = /^\x1b\[([0-9;]*)([A-Za-z])/.exec(data.slice(i));
        if (!match) throw new Error(`unexpected escape ${JSON.stringify(data.slice(i, i + 6))}`);
        this.control(match[2]!, match[1]!);
        i += match[0].length - 1;
      } else if (c === '\r') {
        this.x = 0;
        this.pendingWrap = false;
      } else if (c === '\n') {
        this.y += 1;
        this.pendingWrap = false;
      } else {
        this.print(c);
      }
    }
  }

  /** The screen's lines, trailing blanks removed, empty lines at the end dropped. */
  get lines(): string[] {
    const lines = this.rows.map((r) =>
      Array.from(r, (c) => c ?? ' ')
        .join('')
        .trimEnd(),
    );
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    return lines;
  }

  private print(c: string): void {
    if (this.pendingWrap) {
      this.x = 0;
      this.y += 1;
      this.pendingWrap = false;
    }
    this.row(this.y)[this.x] = c;
    if (this.x === this.cols - 1) this.pendingWrap = true;
    else this.x += 1;
  }

  private control(final: string, params: string): void {
    const n = Number(params || '1');
    this.pendingWrap = false;
    if (final === 'A') this.y = Math.max(0, this.y - n);
    else if (final === 'C') this.x = Math.min(this.cols - 1, this.x + n);
    else if (final === 'H') [this.x, this.y] = [0, 0];
    else if (final === 'J' && params === '2') this.rows = [[]];
    else if (final === 'J' && (params === '' || params === '0')) {
      this.row(this.y).length = this.x;
      this.rows.length = this.y + 1;
    }
  }

  private row(y: number): string[] {
    while (this.rows.length <= y) this.rows.push([]);
    return this.rows[y]!;
  }
}
