import { useState } from 'preact/hooks';
import { useHydrated } from '../use-hydrated.ts';
import ActionError from './ActionError.tsx';
import { STORAGE_KEYS } from './browser-storage.ts';
import { forgetIdentities, useIdentities } from './identity-store.ts';
import { usePki } from './load-pki.ts';
import OwnCaSteps from './OwnCaSteps.tsx';
import RegistryFlows from './RegistryFlows.tsx';
import { useSavedState } from './use-saved-state.ts';
import { DEFAULT_INPUT, isWorkshopInput } from './workshop-input.ts';
import '../widgets.css';

interface Props {
  /**
   * Which steps to show: your own CA and a device certificate ('own-ca'), the lab issuing
   * certificates as AWS IoT does ('aws'), or both. Default: 'all'.
   */
  parts?: 'all' | 'own-ca' | 'aws';
}

/**
 * Make certificates in the browser with WebCrypto: a CA of your own and a device certificate it
 * signs, or certificates from the lab's registry as AWS IoT makes them, each field explained.
 */
export default function CertificateWorkshop({ parts = 'all' }: Props) {
  const hydrated = useHydrated();
  const { pki, error } = usePki();
  const made = useIdentities();
  const [input, setInput] = useSavedState(
    STORAGE_KEYS.workshopInput,
    DEFAULT_INPUT,
    isWorkshopInput,
  );
  const [forgotten, setForgotten] = useState(false);
  const hasKeys = Boolean(made.ca || made.device || made.lab.length > 0);

  return (
    <div
      class="hs-widget hs-pki-workshop not-content"
      role="group"
      aria-label="Certificate workshop"
      data-ready={hydrated && pki ? 'true' : 'false'}
    >
      {error && (
        <ActionError error={{ title: 'The certificate tools did not load', message: error }} />
      )}
      {parts !== 'aws' && <OwnCaSteps pki={pki} input={input} setInput={setInput} made={made} />}
      {parts !== 'own-ca' && <RegistryFlows pki={pki} made={made} step={parts === 'aws' ? 1 : 3} />}
      <div class="hs-pki-forget">
        <p class="hs-note">
          Keys made here stay in this browser: they are kept in its local storage so a reload does
          not lose them, and are never sent anywhere.
        </p>
        <button
          type="button"
          class="hs-button"
          disabled={!hasKeys}
          onClick={() => {
            forgetIdentities();
            setForgotten(true);
          }}
        >
          Forget my keys and certificates
        </button>
        {forgotten && !hasKeys && (
          <p class="hs-note" role="status">
            Forgotten: this browser no longer holds your CA, keys or certificates. Certificates
            already registered in the lab stay there until the lab is reset.
          </p>
        )}
      </div>
    </div>
  );
}
