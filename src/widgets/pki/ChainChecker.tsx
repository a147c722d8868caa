import { useEffect, useState } from 'preact/hooks';
import type { ChainVerification } from '../../core/pki/index.ts';
import { useHydrated } from '../use-hydrated.ts';
import ActionError from './ActionError.tsx';
import { STORAGE_KEYS } from './browser-storage.ts';
import { CHAIN_EXAMPLES, chainExample, type ChainExampleId } from './chain-examples.ts';
import {
  BOX_LABELS,
  CHAIN_BOXES,
  EMPTY_CHAIN,
  isChainText,
  readChainBoxes,
  type BoxProblem,
} from './chain-input.ts';
import ChainClock from './ChainClock.tsx';
import ChainResult from './ChainResult.tsx';
import { fromClockValue } from './chain-clock.ts';
import { useIdentities } from './identity-store.ts';
import { usePki, webCrypto } from './load-pki.ts';
import PemProblem from './PemProblem.tsx';
import { useSavedState } from './use-saved-state.ts';
import { describeError } from './workshop-actions.ts';
import '../widgets.css';

/**
 * A device certificate, its intermediates and the CAs the broker trusts, checked as a broker
 * checks them at the TLS handshake (RFC 5280 §6.1), at a time the learner can move.
 */
export default function ChainChecker() {
  const hydrated = useHydrated();
  const { pki, error: loadError } = usePki();
  const made = useIdentities();
  const [input, setInput] = useSavedState(STORAGE_KEYS.chain, EMPTY_CHAIN, isChainText);
  const [result, setResult] = useState<ChainVerification | null>(null);
  const [problems, setProblems] = useState<BoxProblem[]>([]);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [making, setMaking] = useState(false);

  const at = input.clock === '' ? null : fromClockValue(input.clock);
  const read = pki ? readChainBoxes(pki, input) : null;
  const leaf =
    read?.certificates.leaf.find((c) => !c.extensions.basicConstraints?.cA) ??
    read?.certificates.leaf[0];

  useEffect(() => {
    if (!pki || !read) return;
    setProblems(read.problems);
    if (read.certificates.leaf.length === 0 || (input.clock !== '' && !at)) return setResult(null);

    let live = true;
    const timer = setTimeout(() => {
      pki
        .verifyChain(webCrypto(), {
          leaf: read.certificates.leaf,
          intermediates: read.certificates.intermediates,
          trustAnchors: read.certificates.anchors,
          ...(at ? { at } : {}),
        })
        .then(
          (verification) => live && (setResult(verification), setError(null)),
          (caught: unknown) => live && setError(describeError(caught)),
        );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [pki, input.leaf, input.intermediates, input.anchors, input.clock]);

  async function loadExample(id: ChainExampleId) {
    if (!pki) return;
    setMaking(true);
    setError(null);
    try {
      setInput({ ...input, ...(await chainExample(pki, id, made)) });
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setMaking(false);
    }
  }

  return (
    <div
      class="hs-widget hs-pki-chain not-content"
      role="group"
      aria-label="Chain checker"
      data-ready={hydrated && pki ? 'true' : 'false'}
    >
      {loadError && (
        <ActionError error={{ title: 'The certificate tools did not load', message: loadError }} />
      )}
      <label class="hs-field">
        <span>Example</span>
        <select
          value=""
          disabled={!pki || making}
          onChange={(e) => void loadExample(e.currentTarget.value as ChainExampleId)}
        >
          <option value="">{making ? 'Making the certificates…' : 'Load an example…'}</option>
          {CHAIN_EXAMPLES.map((x) => (
            <option
              key={x.id}
              value={x.id}
              disabled={x.id === 'workshop' && !(made.ca && made.device)}
            >
              {x.label}
            </option>
          ))}
        </select>
      </label>
      <ActionError error={error} kept="The boxes are unchanged." />
      <div class="hs-pki-chain__boxes">
        {CHAIN_BOXES.map((box) => (
          <label key={box} class="hs-field">
            <span>{BOX_LABELS[box]}</span>
            <textarea
              class="hs-pki-pem-input"
              rows={5}
              value={input[box]}
              spellcheck={false}
              placeholder={
                box === 'intermediates' ? 'None: leave empty' : '-----BEGIN CERTIFICATE-----'
              }
              onInput={(e) => setInput({ ...input, [box]: e.currentTarget.value })}
            />
          </label>
        ))}
      </div>
      <ChainClock
        value={input.clock}
        onChange={(clock) => setInput({ ...input, clock })}
        leafNotAfter={leaf?.validity.notAfter ?? null}
        leafNotBefore={leaf?.validity.notBefore ?? null}
      />
      {problems.map((p, i) =>
        p.problem ? (
          <PemProblem key={i} problem={p.problem} text={input[p.box]} where={BOX_LABELS[p.box]} />
        ) : (
          <p key={i} class="hs-warning" role="alert">
            <strong>{BOX_LABELS[p.box]}:</strong> {p.message}
          </p>
        ),
      )}
      {read && read.certificates.leaf.length === 0 && (
        <p class="hs-note">Paste the device certificate (the leaf), or load an example.</p>
      )}
      {read && read.certificates.leaf.length > 0 && read.certificates.anchors.length === 0 && (
        <p class="hs-note">
          No trusted CA yet: the broker trusts only the CA certificates registered with it. Paste
          one in the trust anchors box.
        </p>
      )}
      {result && read && read.certificates.leaf.length > 0 && <ChainResult result={result} />}
    </div>
  );
}
