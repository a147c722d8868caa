/**
 * How `aws iot` reaches the lab's registry: asked on every command, so the registry follows the
 * broker picked for the page (DESIGN.md, "The three places a message can go"). A public broker
 * has none, and the port says so in words the terminal prints.
 */
import type { LabRegistry } from '../lab/iot-registry.ts';

export type OpenedRegistry =
  | {
      ok: true;
      /** The broker's name as the picker shows it, e.g. "In-page lab". */
      label: string;
      registry: LabRegistry;
      /** Where devices connect: host, or host:port, for `describe-endpoint`. */
      endpoint: string;
    }
  | { ok: false; why: string };

export interface RegistryPort {
  open(): Promise<OpenedRegistry>;
}

/** What every command says when the page has no registry behind its broker. */
export const NO_REGISTRY =
  "this page's broker has no lab registry. Pick the in-page lab or the lab server (npm start) " +
  'in the broker picker, then run the command again.';
