import { useMemo, useState } from 'preact/hooks';
import ActionError from './ActionError.tsx';
import Downloads from './Downloads.tsx';
import type { KeyedCertificate } from './identity-store.ts';
import { webCrypto, type Pki } from './load-pki.ts';
import { certificateOf, describeError } from './workshop-actions.ts';

interface Props {
  pki: Pki;
  device: KeyedCertificate;
  caPem: string;
  friendlyName: string;
}

/** The key and its certificates in one password-protected PKCS #12 file (RFC 7292), RSA only. */
export default function Pkcs12Export({ pki, device, caPem, friendlyName }: Props) {
  const [password, setPassword] = useState('');
  const [file, setFile] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const files = useMemo(
    () =>
      file
        ? [
            {
              name: 'device.p12',
              label: 'PKCS #12: key, certificate and CA, under your password',
              content: file,
              type: 'application/x-pkcs12',
              secret: true,
            },
          ]
        : [],
    [file],
  );

  async function make(event: Event) {
    event.preventDefault();
    setError(null);
    setFile(null);
    try {
      const keyPair = await pki.importPrivateKey(webCrypto(), device.privateKeyPem);
      const certificates = [
        certificateOf(pki, device.certificatePem).der,
        certificateOf(pki, caPem).der,
      ];
      setFile(await pki.exportPkcs12({ keyPair, certificates, password, friendlyName }));
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <form class="hs-pki-p12" aria-label="PKCS #12 export" onSubmit={make}>
      <div class="hs-row">
        <label class="hs-field hs-field--grow">
          <span>Password for device.p12</span>
          <input
            type="password"
            value={password}
            autocomplete="new-password"
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="hs-button">
          Make device.p12
        </button>
      </div>
      <ActionError error={error} kept="Your device certificate and key are unchanged." />
      {file && <Downloads files={files} label="PKCS #12 download" />}
    </form>
  );
}
