/**
 * The port through which the policy commands read files: the Node CLI reads the disk, a
 * terminal widget can read its own virtual files. The commands themselves stay pure.
 */

/** A file's text, or a sentence saying why it could not be read. */
export type FileRead = { text: string } | { error: string };

export type FileReader = (path: string) => FileRead;

/** A file read and parsed as JSON, or a sentence saying what went wrong. */
export function readJsonFile(
  files: FileReader,
  path: string,
): { json: unknown } | { error: string } {
  const read = files(path);
  if ('error' in read) return read;

  try {
    return { json: JSON.parse(read.text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { error: `${path} is not valid JSON: ${error.message}` };
  }
}
