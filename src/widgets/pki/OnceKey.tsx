import { useMemo } from 'preact/hooks';
import Downloads from './Downloads.tsx';

interface Props {
  privateKeyPem: string;
  certificatePem: string;
}

/** The private key the lab made, shown this once, as AWS IoT's CreateKeysAndCertificate does. */
export default function OnceKey({ privateKeyPem, certificatePem }: Props) {
  const files = useMemo(
    () => [
      {
        name: 'device.key',
        label: 'the private key the lab made',
        content: privateKeyPem,
        secret: true,
      },
      { name: 'device.crt', label: 'its certificate', content: certificatePem },
    ],
    [privateKeyPem, certificatePem],
  );

  return (
    <div class="hs-warning hs-pki-once" role="note" aria-label="Save the private key now">
      <p>
        <strong>Save the private key now.</strong> The lab made this key pair and, like AWS IoT,
        hands the private key over this once and keeps no copy. After you leave or reload this page
        it cannot be shown again, and the certificate is useless without it: you would have to make
        a new one.
      </p>
      <pre class="hs-pki-pem" aria-label="Private key (PEM)">
        {privateKeyPem}
      </pre>
      <Downloads files={files} label="Private key downloads" />
    </div>
  );
}
