/**
 * The registry behind the broker the learner picked (DESIGN.md, "The three places a message can
 * go"): the lab server's over HTTP, the in-page lab's in IndexedDB. A public or custom broker has
 * no registry the course can reach, so every call refuses with `no-registry`.
 */
import type { LabRegistry } from '../../core/lab/iot-registry.ts';
import { registryError } from '../../core/lab/registry/index.ts';
import type { BrokerTarget } from '../connection/connection.ts';
import { inPageRegistry } from './in-page-registry.ts';
import { labServerRegistry } from './lab-server-registry.ts';
import { httpOrigin } from '../connection/http-origin.ts';

let inPage: LabRegistry | null = null;

export function registryFor(target: BrokerTarget): LabRegistry {
  switch (target.kind) {
    case 'lab-server':
      return labServerRegistry(httpOrigin(target.url));
    case 'in-page':
      inPage ??= inPageRegistry();
      return inPage;
    default:
      return noRegistry(target);
  }
}

export { httpOrigin };

function noRegistry(target: BrokerTarget): LabRegistry {
  const refuse = () =>
    Promise.reject(
      registryError(
        'no-registry',
        `${target.label} is a public broker: it has no registry of CAs and certificates that the ` +
          'course can reach, and it does not check client certificates. Pick the in-page lab or the ' +
          'lab server (npm start) to register certificates.',
      ),
    );
  // Every call refuses alike; a Proxy would also answer `then` and make the registry thenable.
  const calls = Object.keys(labServerRegistry('http://127.0.0.1')) as (keyof LabRegistry)[];
  return Object.fromEntries(calls.map((name) => [name, refuse])) as unknown as LabRegistry;
}
