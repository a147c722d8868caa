/**
 * The port through which `handshake cert` reads files. Certificates may be DER, so files come
 * as bytes: the Node CLI reads the disk, a terminal widget its own virtual files.
 */

/** A file's bytes, or a sentence saying why it could not be read. */
export type BinaryFileRead = { bytes: Uint8Array } | { error: string };

export type BinaryFileReader = (path: string) => BinaryFileRead;
