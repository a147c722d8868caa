import { useEffect, useMemo, useState } from 'preact/hooks';
import { connectionFor } from '../browser/connection/broker-choice.ts';
import BrokerBar from './broker/BrokerBar.tsx';
import { useBrokerChoice } from './broker/use-broker.ts';
import ClientPanel, { type ClientPreset } from './mqtt/ClientPanel.tsx';
import { randomSuffix } from './mqtt/client-ids.ts';
import './widgets.css';

/**
 * Two independent MQTT clients side by side, each with its own client ID, talking through
 * the broker picked for this page.
 */
export default function PubSubPlayground() {
  const choice = useBrokerChoice();
  const [connectedCount, setConnectedCount] = useState(0);
  const [presets, setPresets] = useState<[ClientPreset, ClientPreset] | null>(null);
  const connection = useMemo(
    () => (choice?.current ? connectionFor(choice.current) : null),
    [choice],
  );

  // Client IDs are random per page load, so they are made in the browser, not at build time.
  // On a shared public broker the starting topics get the learner's own prefix; after that,
  // what the learner typed stays as typed, whichever broker is picked.
  useEffect(() => {
    if (!choice || presets) return;
    const suffix = randomSuffix();
    const prefix = choice.current.topicPrefix ?? '';
    setPresets([
      {
        clientId: `sensor-${suffix}`,
        filter: `${prefix}lab/greenhouse/commands`,
        topic: `${prefix}lab/greenhouse/temperature`,
        payload: '{"celsius": 21.5, "humidity": 48}',
      },
      {
        clientId: `dashboard-${suffix}`,
        filter: `${prefix}lab/greenhouse/#`,
        topic: `${prefix}lab/greenhouse/commands`,
        payload: 'fan on',
      },
    ]);
  }, [choice, presets]);

  const onConnectedChange = (connected: boolean) =>
    setConnectedCount((count) => count + (connected ? 1 : -1));

  return (
    <div class="hs-widget hs-playground not-content" data-ready={presets ? 'true' : 'false'}>
      <BrokerBar choice={choice} busy={connectedCount > 0} />
      {presets ? (
        <div class="hs-playground__clients">
          <ClientPanel
            label="Device"
            preset={presets[0]}
            connection={connection}
            onConnectedChange={onConnectedChange}
          />
          <ClientPanel
            label="Dashboard"
            preset={presets[1]}
            connection={connection}
            onConnectedChange={onConnectedChange}
          />
        </div>
      ) : (
        <p class="hs-note">Loading the playground…</p>
      )}
    </div>
  );
}
