/** Writing a file so that a crash, or a failed write, never leaves it half written. */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename as renameFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a temporary file beside `path`, flushes it to the disk, then renames it over `path`:
 * a rename within one folder is atomic, so a crash leaves either the old file or the new one.
 */
export async function writeAtomically(
  path: string,
  content: string,
  mode: number,
  rename: (from: string, to: string) => Promise<void> = renameFile,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;

  // The mode is set when the file is made, so the key is never readable by others, even briefly;
  // chmod then makes it exact whatever the umask took away.
  const file = await open(temporary, 'wx', mode);
  try {
    await file.chmod(mode);
    await file.writeFile(content, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }

  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

// The rename itself reaches the disk only when the folder is flushed. Windows cannot open a
// folder for that, and there the rename is as durable as the system makes it.
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;

  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
