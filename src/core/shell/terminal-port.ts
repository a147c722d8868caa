/**
 * The screen and keyboard the shell talks to, in four methods. The page's implementation wraps
 * xterm.js (src/browser/terminal/xterm-adapter.ts); a test passes a fake that records output.
 */
export interface TerminalPort {
  /** Current width in columns, for wrapping the line being typed. */
  columns(): number;
  /** Writes text and ECMA-48 control sequences; '\r\n' ends a line. */
  write(data: string): void;
  /** What the learner types or pastes, as the terminal encodes it; returns a remover. */
  onData(listener: (data: string) => void): () => void;
  /** Called after the terminal changed its number of columns or rows. */
  onResize(listener: (columns: number) => void): () => void;
}
