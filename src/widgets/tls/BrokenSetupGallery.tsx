import { BROKEN_SETUP_IDS, BROKEN_SETUPS } from '../../core/tls/broken-setups.ts';
import BrokerBar from '../broker/BrokerBar.tsx';
import { useBrokerChoice } from '../broker/use-broker.ts';
import ActionError from '../pki/ActionError.tsx';
import { registryTarget, useRegistry } from '../pki/use-registry.ts';
import { useHydrated } from '../use-hydrated.ts';
import GalleryCard from './GalleryCard.tsx';
import { loadTls } from './load-tls.ts';
import '../widgets.css';

/**
 * A card per way a mutual TLS connection fails (and one that works): each builds its set-up,
 * registers what it needs in the picked lab, tries to connect, and shows where it stopped.
 */
export default function BrokenSetupGallery() {
  const hydrated = useHydrated();
  const choice = useBrokerChoice();
  const registry = useRegistry();
  const ready = registry.status === 'ready' ? registry : null;
  const url = choice ? registryTarget(choice).target.url : '';

  return (
    <div
      class="hs-widget hs-tls-gallery not-content"
      role="group"
      aria-label="Broken set-up gallery"
      data-ready={hydrated && ready ? 'true' : 'false'}
      data-lab={ready?.lab}
    >
      <BrokerBar choice={choice} busy={false} />
      {registry.status === 'unavailable' && (
        <ActionError error={{ title: 'The lab is not available', message: registry.reason }} />
      )}
      {ready && (
        <p class="hs-note">
          {ready.lab === 'in-page'
            ? 'Each try runs emulated, in this page: the in-page model of TLS 1.3 with real keys and signatures, no record layer.'
            : 'Each try runs for real: the lab server connects to its own mutual TLS port with the set-up.'}
          {ready.note && <> {ready.note}</>}
        </p>
      )}
      <div class="hs-tls-cards">
        {BROKEN_SETUP_IDS.map((id) => (
          <GalleryCard
            key={id}
            setup={BROKEN_SETUPS[id]}
            lab={ready?.lab ?? null}
            attempt={async (at) => {
              if (!ready) throw new Error('The lab is not ready yet: wait a moment and try again.');
              const tls = await loadTls();
              return tls.tryBrokenSetup(id, { kind: ready.lab, url }, ready.registry, at);
            }}
          />
        ))}
      </div>
    </div>
  );
}
