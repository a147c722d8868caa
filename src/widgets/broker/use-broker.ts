import { useEffect, useState } from 'preact/hooks';
import {
  brokerChoice,
  onBrokerChange,
  type BrokerChoice,
} from '../../browser/connection/broker-choice.ts';

/** The page's broker choice, kept current when the learner picks another broker. */
export function useBrokerChoice(): BrokerChoice | null {
  const [choice, setChoice] = useState<BrokerChoice | null>(null);
  useEffect(() => {
    let live = true;
    void brokerChoice().then((found) => live && setChoice(found));
    const stop = onBrokerChange(setChoice);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return choice;
}
