/**
 * The learner's own device certificates that can run a handshake in a given lab: each needs its
 * private key (a lab-made key is shown once, so it may be gone) and, for a certificate the lab
 * made, to have been made in that same lab.
 */
import type { Identities } from '../pki/identity-store.ts';
import type { LabKind } from '../pki/use-registry.ts';

export interface DeviceChoice {
  /** 'own-ca', or the lab certificate's ID. */
  id: string;
  label: string;
  certificatePem: string;
  privateKeyPem: string;
  /** Signed by the learner's own CA, which the lab trusts only once it is registered. */
  ownCa: boolean;
}

export function deviceChoices(made: Identities, lab: LabKind): DeviceChoice[] {
  const choices: DeviceChoice[] = [];
  for (const c of made.lab) {
    if (c.lab !== lab || !c.privateKeyPem) continue;
    choices.push({
      id: c.certificateId,
      label: `Made in the lab, ID ${c.certificateId.slice(0, 10)}… (${c.status})`,
      certificatePem: c.certificatePem,
      privateKeyPem: c.privateKeyPem,
      ownCa: false,
    });
  }
  if (made.ca && made.device) {
    choices.push({
      id: 'own-ca',
      label: 'Signed by your own CA (certificate workshop)',
      certificatePem: made.device.certificatePem,
      privateKeyPem: made.device.privateKeyPem,
      ownCa: true,
    });
  }
  return choices;
}
