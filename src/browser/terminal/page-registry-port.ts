/**
 * The terminal's RegistryPort in the page: the registry behind the broker picked for the page
 * (registryFor), asked on every `aws iot` command so that a change in the picker is followed.
 * The registry code loads on the first command that needs it.
 */
import type { LabRegistry } from '../../core/lab/iot-registry.ts';
import { NO_REGISTRY, type RegistryPort } from '../../core/shell/registry-port.ts';
import { brokerChoice } from '../connection/broker-choice.ts';

export function pageRegistryPort(): RegistryPort {
  return {
    async open() {
      const { current } = await brokerChoice();
      if (current.kind !== 'in-page' && current.kind !== 'lab-server') {
        return { ok: false, why: `${current.label} is not a lab broker: ${NO_REGISTRY}` };
      }

      const { registryFor } = await import('../registry/registry-for.ts');
      return {
        ok: true,
        label: current.label,
        // The in-page and lab-server registries implement the whole LabRegistry port.
        registry: registryFor(current) as LabRegistry,
        endpoint: current.kind === 'in-page' ? 'in-page-lab.local' : new URL(current.url).host,
      };
    },
  };
}
