/** Reading what the learner gives the inspector: typed text, or a file dropped or opened. */

/** A file the learner opened; its bytes are decoded as they are, PEM or DER. */
export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
  /** The file as text when it holds PEM, so problems can show their line. */
  text?: string;
}

/** Largest file the inspector reads: certificates and keys are a few kilobytes. */
export const MAX_FILE_BYTES = 256 * 1024;

export async function openFile(file: File): Promise<OpenedFile> {
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(
      `${file.name} is ${Math.round(file.size / 1024)} KB; certificates, CSRs and keys are a few KB. ` +
        'Pick the .pem, .crt, .der, .csr or .key file itself.',
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.includes('-----BEGIN')
    ? { name: file.name, bytes, text }
    : { name: file.name, bytes };
}

/** "3 objects: 2 certificates, 1 rejected", for the line above the list. */
export function countWords(kinds: string[]): string {
  if (kinds.length === 0) return 'Nothing found yet.';
  const counts = new Map<string, number>();
  kinds.forEach((k) => counts.set(k, (counts.get(k) ?? 0) + 1));
  const parts = [...counts].map(([kind, n]) => `${n} ${n === 1 ? kind : plural(kind)}`);
  return `${kinds.length} ${kinds.length === 1 ? 'object' : 'objects'}, in order: ${parts.join(', ')}.`;
}

function plural(word: string): string {
  if (word.endsWith('key')) return `${word}s`;
  if (word === 'rejected') return word;
  return word.endsWith('s') ? word : `${word}s`;
}
