import { useEffect, useState } from 'preact/hooks';
import type { FileArea, FileEntry } from '../../core/shell/file-area.ts';

interface Props {
  files: FileArea | null;
  /** Changes whenever the terminal wrote or removed a file. */
  version: number;
}

interface Download {
  entry: FileEntry;
  url: string;
}

/** The learner's files, each with a link that saves it from the browser. */
export default function FileList({ files, version }: Props) {
  const [downloads, setDownloads] = useState<Download[]>([]);

  useEffect(() => {
    if (!files) return;
    let live = true;
    let made: Download[] = [];
    void files
      .list()
      .then((entries) =>
        Promise.all(
          entries.map(async (entry) => {
            const text = (await files.read(entry.name)) ?? '';
            const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
            return { entry, url };
          }),
        ),
      )
      .then((ready) => {
        made = ready;
        if (live) setDownloads(ready);
        else ready.forEach((d) => URL.revokeObjectURL(d.url));
      })
      // A damaged file area is explained by the terminal when a command touches it.
      .catch(() => live && setDownloads([]));
    return () => {
      live = false;
      made.forEach((d) => URL.revokeObjectURL(d.url));
    };
  }, [files, version]);

  return (
    <details class="hs-terminal__files">
      <summary>Your files ({downloads.length})</summary>
      {downloads.length === 0 ? (
        <p class="hs-note">
          None yet. Save output with <code>&gt; name</code>, e.g.{' '}
          <code>
            echo '{'{'}"t":21{'}'}' &gt; t.json
          </code>
          .
        </p>
      ) : (
        <ul>
          {downloads.map(({ entry, url }) => (
            <li key={entry.name}>
              <a href={url} download={entry.name}>
                {entry.name}
              </a>{' '}
              <span class="hs-note hs-note--inline">{entry.size} characters</span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
