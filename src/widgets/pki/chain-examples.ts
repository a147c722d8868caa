/**
 * Ready-made inputs for the chain checker, made in the browser when picked: the learner's own
 * CA and device certificate, a three-level chain, the same chain out of order, and a trust
 * anchor that is not the issuer.
 */
import type { Identities } from './identity-store.ts';
import type { ChainText } from './chain-input.ts';
import { webCrypto, type Pki } from './load-pki.ts';

export const CHAIN_EXAMPLES = [
  { id: 'workshop', label: 'My workshop CA and device certificate' },
  { id: 'three-levels', label: 'A root, an intermediate and a device (made now)' },
  { id: 'top-down', label: 'The same, with the intermediate given before the device' },
  { id: 'wrong-anchor', label: 'A trusted CA that did not issue the device certificate' },
] as const;

export type ChainExampleId = (typeof CHAIN_EXAMPLES)[number]['id'];

export async function chainExample(
  pki: Pki,
  id: ChainExampleId,
  made: Identities,
): Promise<ChainText> {
  switch (id) {
    case 'workshop':
      if (!made.ca || !made.device) throw new Error(noWorkshop);
      return {
        leaf: made.device.certificatePem,
        intermediates: '',
        anchors: made.ca.certificatePem,
      };
    case 'three-levels': {
      const chain = await threeLevels(pki);
      return { leaf: chain.device, intermediates: chain.intermediate, anchors: chain.root };
    }
    case 'top-down': {
      const chain = await threeLevels(pki);
      return { leaf: chain.intermediate + chain.device, intermediates: '', anchors: chain.root };
    }
    case 'wrong-anchor': {
      const leaf = made.device?.certificatePem ?? (await threeLevels(pki)).device;
      const other = await pki.createRootCa(webCrypto(), {
        subject: { O: 'Someone Else', CN: 'Another Root CA' },
      });
      return { leaf, intermediates: '', anchors: other.issued.pem };
    }
  }
}

const noWorkshop =
  'There is no CA and device certificate from the workshop in this browser yet. Make them in ' +
  'the certificate workshop (steps 1 and 2), then pick this again.';

async function threeLevels(
  pki: Pki,
): Promise<{ root: string; intermediate: string; device: string }> {
  const crypto = webCrypto();
  const lab = await pki.createLabCa(crypto, { organization: 'Example Chain', intermediate: true });
  const keyPair = await pki.generateKeyPair(crypto, 'P-256');
  const device = await pki.issueCertificate(crypto, {
    role: 'device',
    subject: { O: 'Example Chain', CN: 'example-sensor-2' },
    publicKey: keyPair,
    issuer: lab.signer,
  });
  return {
    root: lab.root.issued.pem,
    intermediate: lab.intermediate!.issued.pem,
    device: device.pem,
  };
}
