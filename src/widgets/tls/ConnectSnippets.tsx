import { useEffect, useRef, useState } from 'preact/hooks';
import { useBrokerChoice } from '../broker/use-broker.ts';
import { useHydrated } from '../use-hydrated.ts';
import CopyButton from './CopyButton.tsx';
import { connectSnippets, DEFAULT_CA_FILE, type SnippetId } from './connect-snippets.ts';
import { DEFAULT_TLS_ENDPOINT, labTlsEndpoint, type TlsEndpoint } from './lab-endpoint.ts';
import '../widgets.css';

/**
 * Copyable commands and programs that connect a real client (mosquitto, OpenSSL, Node, Python)
 * to the lab server over mutual TLS with the device kit's files. The host and port come from
 * the lab server when it served this page.
 */
export default function ConnectSnippets() {
  const hydrated = useHydrated();
  const choice = useBrokerChoice();
  const [endpoint, setEndpoint] = useState<TlsEndpoint>(DEFAULT_TLS_ENDPOINT);
  const [shown, setShown] = useState<SnippetId>('mosquitto-pub');
  const [clientId, setClientId] = useState('greenhouse-sensor-1');
  const [caFile, setCaFile] = useState(DEFAULT_CA_FILE);
  const code = useRef<HTMLPreElement>(null);
  const labUrl = choice?.labServer?.url;

  useEffect(() => {
    if (!labUrl) return;
    let live = true;
    void labTlsEndpoint(new URL(labUrl).origin.replace(/^ws/, 'http'), location.hostname).then(
      (found) => live && setEndpoint(found),
    );
    return () => {
      live = false;
    };
  }, [labUrl]);

  const snippets = connectSnippets({
    host: endpoint.host,
    port: endpoint.port,
    caFile: caFile.trim() || DEFAULT_CA_FILE,
    clientId: clientId.trim() || 'greenhouse-sensor-1',
  });
  const snippet = snippets.find((s) => s.id === shown) ?? snippets[0]!;

  return (
    <div
      class="hs-widget hs-snippets not-content"
      role="group"
      aria-label="Connect a real client"
      data-ready={hydrated && choice ? 'true' : 'false'}
    >
      <p class="hs-note hs-snippets__where" data-from-lab={String(endpoint.fromLab)}>
        {endpoint.fromLab ? (
          <>
            Filled in from the lab server that served this page: MQTT over mutual TLS at{' '}
            <code>
              {endpoint.host}:{endpoint.port}
            </code>
            .
          </>
        ) : (
          <>
            For the lab server on this computer (<code>npm start</code>): MQTT over mutual TLS at{' '}
            <code>
              {endpoint.host}:{endpoint.port}
            </code>
            , its default. Open this page from the lab server and the address is filled in from it.
          </>
        )}
      </p>
      <div class="hs-row">
        <label class="hs-field">
          <span>Client ID</span>
          <input
            value={clientId}
            spellcheck={false}
            autocomplete="off"
            onInput={(e) => setClientId(e.currentTarget.value)}
          />
        </label>
        <label class="hs-field hs-field--grow">
          <span>Lab CA file (from the folder where you ran npm start)</span>
          <input
            value={caFile}
            spellcheck={false}
            autocomplete="off"
            onInput={(e) => setCaFile(e.currentTarget.value)}
          />
        </label>
      </div>
      <div class="hs-snippets__tabs" role="group" aria-label="Client">
        {snippets.map((s) => (
          <button
            key={s.id}
            type="button"
            class="hs-button hs-button--quiet"
            aria-pressed={s.id === snippet.id}
            onClick={() => setShown(s.id)}
          >
            {s.title}
          </button>
        ))}
      </div>
      <section class="hs-snippet" aria-label={snippet.title} data-snippet={snippet.id}>
        <div class="hs-snippet__head">
          <span class="hs-note hs-note--inline">
            {snippet.runIn === 'shell' ? 'In a terminal' : <code>{snippet.runIn}</code>}
          </span>
          <CopyButton text={snippet.text} what={snippet.title} source={() => code.current} />
        </div>
        <pre class="hs-snippet__code" ref={code} tabIndex={0}>
          <code>{snippet.text}</code>
        </pre>
        <p class="hs-note">{snippet.note}</p>
      </section>
      <p class="hs-note">
        <code>device.crt</code> and <code>device.key</code> are the device kit's files. The lab CA
        file is the one the lab server signed its own certificate with; with{' '}
        <code>--data-dir DIR</code> it is <code>DIR/ca/lab-root-ca.pem</code>. The lab lets the
        device in only while its certificate and its CA are registered and ACTIVE in the lab's
        registry, and lets it connect only if a policy attached to the certificate allows{' '}
        <code>iot:Connect</code>.
      </p>
    </div>
  );
}
