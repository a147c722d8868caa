/**
 * The learner's small file area: a flat list of text files the terminal's commands read and
 * write (`echo … > t.json`, `mosquitto_pub -f t.json`). The page keeps it in the browser; tests
 * use `MemoryFileArea`.
 */

export interface FileEntry {
  name: string;
  /** Length in UTF-16 code units, which is what the browser stores. */
  size: number;
  /** Milliseconds since the epoch. */
  modified: number;
}

export interface FileArea {
  list(): Promise<FileEntry[]>;
  /** The file's text, or undefined when there is no such file. */
  read(name: string): Promise<string | undefined>;
  /** Creates or replaces the file; with `append`, adds to its end. Throws FileAreaError. */
  write(name: string, text: string, options?: { append?: boolean }): Promise<void>;
  /** False when there was no such file. */
  remove(name: string): Promise<boolean>;
}

/** A file operation that failed in a way the learner can fix; its message says how. */
export class FileAreaError extends Error {
  override name = 'FileAreaError';
}

/** Longest file name, in characters. */
export const MAX_NAME_LENGTH = 64;

/**
 * The file name `path` refers to, or a sentence saying why it cannot be one. `./t.json` and
 * `~/t.json` are accepted for `t.json`, since the area is the learner's only folder.
 */
export function fileName(path: string): { ok: true; name: string } | { ok: false; why: string } {
  const name = path.replace(/^(?:\.\/|~\/)+/, '');

  if (name === '' || name === '.' || name === '..') {
    return { ok: false, why: `'${path}' is a folder name; give a file name such as t.json` };
  }
  if (name.includes('/')) {
    return {
      ok: false,
      why: `'${path}' has a '/', but this file area has no folders; use a plain name such as t.json`,
    };
  }
  if (name.length > MAX_NAME_LENGTH) {
    return { ok: false, why: `file names are at most ${MAX_NAME_LENGTH} characters` };
  }
  if (!/^[\w.@+-]+$/.test(name)) {
    return {
      ok: false,
      why: `'${path}' has characters a file name here cannot have; use letters, digits, . _ - @ +`,
    };
  }

  return { ok: true, name };
}

/** A FileArea in memory: for tests, and for a page whose storage is blocked. */
export class MemoryFileArea implements FileArea {
  private readonly files = new Map<string, { text: string; modified: number }>();

  constructor(initial: Record<string, string> = {}) {
    for (const [name, text] of Object.entries(initial)) {
      this.files.set(name, { text, modified: 0 });
    }
  }

  async list(): Promise<FileEntry[]> {
    return [...this.files]
      .map(([name, file]) => ({ name, size: file.text.length, modified: file.modified }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async read(name: string): Promise<string | undefined> {
    return this.files.get(name)?.text;
  }

  async write(name: string, text: string, options: { append?: boolean } = {}): Promise<void> {
    const before = options.append ? (this.files.get(name)?.text ?? '') : '';
    this.files.set(name, { text: before + text, modified: Date.now() });
  }

  async remove(name: string): Promise<boolean> {
    return this.files.delete(name);
  }
}
