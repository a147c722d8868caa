import { useEffect, useMemo } from 'preact/hooks';

export interface DownloadFile {
  /** The file name the browser saves, e.g. `device.crt`. */
  name: string;
  /** What it is, in a few words. */
  label: string;
  content: string | Uint8Array;
  /** Default: text/plain for strings, application/octet-stream for bytes. */
  type?: string;
  /** Marks a private key, which gets a warning style. */
  secret?: boolean;
}

/** Separate download links made from Blobs in the page: nothing is uploaded to make them. */
export default function Downloads({ files, label }: { files: DownloadFile[]; label: string }) {
  const urls = useMemo(
    () =>
      files.map((file) => {
        const type =
          file.type ??
          (typeof file.content === 'string' ? 'text/plain' : 'application/octet-stream');
        const part = typeof file.content === 'string' ? file.content : new Uint8Array(file.content);
        return URL.createObjectURL(new Blob([part], { type }));
      }),
    [files],
  );
  useEffect(() => () => urls.forEach((url) => URL.revokeObjectURL(url)), [urls]);

  return (
    <ul class="hs-pki-downloads" aria-label={label}>
      {files.map((file, i) => (
        <li key={file.name} class={file.secret ? 'hs-pki-downloads__secret' : undefined}>
          <a class="hs-button" href={urls[i]} download={file.name}>
            ⤓ {file.name}
          </a>{' '}
          <span class="hs-note hs-note--inline">{file.label}</span>
        </li>
      ))}
    </ul>
  );
}
