import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DecodeResult, DecodedBlock } from '../../core/pki/index.ts';
import { useHydrated } from '../use-hydrated.ts';
import ActionError from './ActionError.tsx';
import { STORAGE_KEYS, readSaved } from './browser-storage.ts';
import DecodedBlockView from './DecodedBlockView.tsx';
import { countWords, openFile, type OpenedFile } from './inspector-input.ts';
import { usePki } from './load-pki.ts';
import PemProblem from './PemProblem.tsx';
import { useSavedState } from './use-saved-state.ts';
import '../widgets.css';

interface Props {
  /** The id of an example in inspector-examples.ts to start with. Default: an empty box. */
  example?: string;
}

const KIND_COUNT_WORDS: Record<string, string> = {
  certificate: 'certificate',
  'certification-request': 'CSR',
  'public-key': 'public key',
  'private-key': 'private key',
  'encrypted-private-key': 'encrypted private key',
  'ec-parameters': 'EC parameters',
  rejected: 'rejected',
};

const isText = (value: unknown) => typeof value === 'string';

/**
 * Paste any PEM, or open a DER file: every object in it, in order, explained field by field,
 * or rejected with the stage that failed and where.
 */
export default function PemInspector({ example }: Props) {
  const hydrated = useHydrated();
  const { pki, error: loadError } = usePki();
  const [text, setText] = useSavedState<string>(STORAGE_KEYS.inspector, '', isText);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [fileError, setFileError] = useState<{ title: string; message: string } | null>(null);
  const [password, setPassword] = useState('');
  const [unlocked, setUnlocked] = useState<{
    input: string | Uint8Array;
    result: DecodeResult;
  } | null>(null);
  const [examples, setExamples] = useState<typeof import('./inspector-examples.ts') | null>(null);

  const input = file ? file.bytes : text;
  const excerptText = file ? file.text : text;
  const decoded = useMemo(
    () => (pki && (file || text.trim() !== '') ? pki.decodeSync(input) : null),
    [pki, input],
  );
  const result = unlocked && unlocked.input === input ? unlocked.result : decoded;

  useEffect(() => {
    if (!example) return;
    void import('./inspector-examples.ts').then((module) => {
      setExamples(module);
      // A saved text wins: it is what the learner was working on.
      if (readSaved(STORAGE_KEYS.inspector, '', isText) === '')
        setText(module.INSPECTOR_EXAMPLES.find((e) => e.id === example)?.text ?? '');
    });
  }, []);

  async function loadExamples() {
    if (!examples) setExamples(await import('./inspector-examples.ts'));
  }

  async function onFile(picked: File | undefined) {
    if (!picked) return;
    setFileError(null);
    try {
      setFile(await openFile(picked));
    } catch (error) {
      setFileError({
        title: 'That file was not read',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async function decrypt(event: Event) {
    event.preventDefault();
    if (!pki) return;
    setUnlocked({ input, result: await pki.decodePki(input, { password }) });
  }

  const blocks: DecodedBlock[] = result?.blocks ?? [];
  const kinds = blocks.map(
    (b) => KIND_COUNT_WORDS[b.status === 'decoded' ? b.object.kind : 'rejected'] ?? 'object',
  );
  const passwordForm = (
    <form class="hs-row hs-pki-password" aria-label="Decrypt the private key" onSubmit={decrypt}>
      <label class="hs-field hs-field--grow">
        <span>Password of the encrypted key</span>
        <input
          type="password"
          value={password}
          autocomplete="off"
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="hs-button">
        Decrypt
      </button>
    </form>
  );

  return (
    <div
      class="hs-widget hs-pki-inspector not-content"
      role="group"
      aria-label="Certificate inspector"
      data-ready={hydrated && pki ? 'true' : 'false'}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void onFile(e.dataTransfer?.files[0]);
      }}
    >
      {loadError && (
        <ActionError error={{ title: 'The certificate tools did not load', message: loadError }} />
      )}
      <div class="hs-row">
        <label class="hs-field">
          <span>Example</span>
          <select
            value=""
            onFocus={() => void loadExamples()}
            onChange={(e) => {
              const picked = examples?.INSPECTOR_EXAMPLES.find(
                (x) => x.id === e.currentTarget.value,
              );
              if (!picked) return;
              setFile(null);
              setText(picked.text);
            }}
          >
            <option value="">Load an example…</option>
            {(examples?.INSPECTOR_EXAMPLES ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <label class="hs-button hs-pki-file">
          Open a PEM or DER file
          <input
            type="file"
            accept=".pem,.crt,.cer,.der,.csr,.key,.p8,.pub,application/x-x509-ca-cert,application/pkix-cert"
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </label>
      </div>
      {file ? (
        <p class="hs-pki-file-line" role="status">
          Showing the file <code>{file.name}</code> ({file.bytes.length} bytes,{' '}
          {file.text ? 'PEM text' : 'binary DER'}).{' '}
          <button type="button" class="hs-button hs-button--quiet" onClick={() => setFile(null)}>
            Back to the text box
          </button>
        </p>
      ) : (
        <label class="hs-field">
          <span>PEM text: paste certificates, CSRs or keys, or drop a file here</span>
          <textarea
            class="hs-pki-pem-input"
            rows={8}
            value={text}
            spellcheck={false}
            placeholder="-----BEGIN CERTIFICATE-----"
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
      )}
      <ActionError error={fileError} kept="The text box is unchanged." />
      {result?.problem && blocks.length === 0 && (
        <PemProblem
          problem={result.problem}
          {...(excerptText === undefined ? {} : { text: excerptText })}
        />
      )}
      {blocks.length > 0 && (
        <>
          <p class="hs-pki-count" role="status">
            {countWords(kinds)}
          </p>
          <ol class="hs-pki-blocks" aria-label="Objects found">
            {blocks.map((block) => (
              <DecodedBlockView
                key={`${block.source.index}:${block.source.line ?? 0}`}
                block={block}
                passwordForm={passwordForm}
                {...(excerptText === undefined ? {} : { text: excerptText })}
              />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
