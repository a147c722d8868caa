/**
 * The lab's certificate registry for the page's broker choice: the lab server's registry (over
 * its HTTP API) or the in-page lab's (in IndexedDB). The adapters load on first use, never with
 * the page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BrokerChoice } from '../../browser/connection/broker-choice.ts';
import type { BrokerTarget } from '../../browser/connection/connection.ts';
import type { CertificateRegistry } from '../../core/lab/certificate-registry.ts';
import { useBrokerChoice } from '../broker/use-broker.ts';

export type LabKind = 'lab-server' | 'in-page';

export type RegistryState =
  | { status: 'waiting' }
  | { status: 'unavailable'; reason: string }
  | { status: 'ready'; registry: CertificateRegistry; lab: LabKind; label: string; note?: string };

/** Which lab keeps the certificates: the picked broker when it is a lab, otherwise a lab nearby. */
export function registryTarget(choice: BrokerChoice): { target: BrokerTarget; note?: string } {
  const { current, labServer } = choice;
  if (current.kind === 'lab-server' || current.kind === 'in-page') return { target: current };

  const target = labServer ?? {
    kind: 'in-page',
    label: 'In-page lab',
    url: 'in-page://lab',
    explains: true,
  };
  return {
    target,
    note:
      `${current.label} is not a lab, and AWS-style certificate registration only exists in the ` +
      `labs, so certificates are made in the ${target.label.toLowerCase()} instead.`,
  };
}

export function useRegistry(): RegistryState {
  const choice = useBrokerChoice();
  const [state, setState] = useState<RegistryState>({ status: 'waiting' });

  useEffect(() => {
    if (!choice) return;
    let live = true;
    const { target, note } = registryTarget(choice);
    openRegistry(target).then(
      (registry) =>
        live &&
        setState({
          status: 'ready',
          registry,
          lab: target.kind === 'lab-server' ? 'lab-server' : 'in-page',
          label: target.label,
          ...(note ? { note } : {}),
        }),
      (error: unknown) =>
        live &&
        setState({
          status: 'unavailable',
          reason: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
  }, [choice?.current.kind, choice?.current.url]);

  return state;
}

async function openRegistry(target: BrokerTarget): Promise<CertificateRegistry> {
  // The HTTP and IndexedDB adapters load on first use, never with the page.
  const { registryFor } = await import('../../browser/registry/registry-for.ts');
  return registryFor(target);
}
