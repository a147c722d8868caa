/**
 * The learner's files in this browser's localStorage, so they survive a reload and every
 * terminal on the site shares them. Each call reads storage afresh, so two terminals (or two
 * tabs) never work from a stale copy.
 */
import { FileAreaError, type FileArea, type FileEntry } from '../../core/shell/file-area.ts';

const STORAGE_KEY = 'handshake.files';

/** Total text the area may hold, in UTF-16 code units; localStorage gives an origin ~5 MB. */
export const MAX_TOTAL = 1_000_000;

interface Stored {
  version: 1;
  files: Record<string, { text: string; modified: number }>;
}

export class LocalFileArea implements FileArea {
  /** Whether this browser lets the page use localStorage (private modes may not). */
  static available(): boolean {
    try {
      localStorage.setItem(`${STORAGE_KEY}.probe`, '1');
      localStorage.removeItem(`${STORAGE_KEY}.probe`);
      return true;
    } catch {
      // Blocked storage is the answer to the question, not a failure.
      return false;
    }
  }

  async list(): Promise<FileEntry[]> {
    return Object.entries(read().files)
      .map(([name, file]) => ({ name, size: file.text.length, modified: file.modified }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async read(name: string): Promise<string | undefined> {
    return read().files[name]?.text;
  }

  async write(name: string, text: string, options: { append?: boolean } = {}): Promise<void> {
    const stored = read();
    const before = options.append ? (stored.files[name]?.text ?? '') : '';
    stored.files[name] = { text: before + text, modified: Date.now() };

    const total = Object.values(stored.files).reduce((sum, f) => sum + f.text.length, 0);
    if (total > MAX_TOTAL) {
      throw new FileAreaError(
        `your files would hold ${total} characters, more than the ${MAX_TOTAL} this page keeps; ` +
          "remove some with rm ('ls -l' shows sizes)",
      );
    }
    save(stored);
  }

  async remove(name: string): Promise<boolean> {
    const stored = read();
    if (!(name in stored.files)) return false;

    delete stored.files[name];
    save(stored);
    return true;
  }
}

function read(): Stored {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (raw === null) return { version: 1, files: {} };

  try {
    const parsed = JSON.parse(raw) as Partial<Stored>;
    if (parsed.version === 1 && parsed.files && typeof parsed.files === 'object') {
      return { version: 1, files: parsed.files };
    }
  } catch {
    // Falls through to the error below, which tells the learner what happened.
  }
  throw new FileAreaError(
    `the saved files in this browser (localStorage '${STORAGE_KEY}') are damaged; ` +
      "clear that entry in the browser's developer tools to start again",
  );
}

function save(stored: Stored): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch (error) {
    throw new FileAreaError(
      `the browser refused to save (${(error as Error).name}); its storage for this site may be ` +
        'full. Remove files with rm and try again',
    );
  }
}
