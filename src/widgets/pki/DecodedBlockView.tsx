import type { ComponentChildren } from 'preact';
import type { DecodedBlock, DecodedObject } from '../../core/pki/index.ts';
import CertificateView from './CertificateView.tsx';
import FieldTree from './FieldTree.tsx';
import PemProblem from './PemProblem.tsx';

interface Props {
  block: DecodedBlock;
  /** The text that line numbers count in; absent for a binary DER file. */
  text?: string;
  /** Shown with an encrypted private key: the password box. */
  passwordForm?: ComponentChildren;
}

const KIND_WORDS: Record<DecodedObject['kind'], string> = {
  certificate: 'Certificate',
  'certification-request': 'Certificate signing request (PKCS #10)',
  'public-key': 'Public key',
  'private-key': 'Private key',
  'encrypted-private-key': 'Encrypted private key (PKCS #8)',
  'ec-parameters': 'EC parameters',
};

/** Where a block came from, e.g. "PEM block CERTIFICATE, line 23" or "DER file". */
export function sourceWords(block: DecodedBlock): string {
  const { source } = block;
  if (source.format === 'der') return 'DER file';
  return `PEM block ${source.label ?? ''}${source.line === undefined ? '' : `, line ${source.line}`}`;
}

/** One object found in the input: explained field by field, or the reason it was rejected. */
export default function DecodedBlockView({ block, text, passwordForm }: Props) {
  const index = block.source.index;
  const heading =
    block.status === 'decoded'
      ? KIND_WORDS[block.object.kind]
      : `Rejected ${block.source.label ?? 'block'}`;

  return (
    <li
      class="hs-pki-block"
      data-status={block.status}
      data-kind={block.status === 'decoded' ? block.object.kind : 'rejected'}
    >
      <h4 class="hs-pki-block__head">
        <span>
          {index}. {heading}
        </span>{' '}
        <span class="hs-note hs-note--inline">{sourceWords(block)}</span>
      </h4>
      {block.status === 'rejected' ? (
        <PemProblem problem={block.problem} {...(text === undefined ? {} : { text })} />
      ) : (
        <ObjectView object={block.object} index={index} passwordForm={passwordForm} />
      )}
    </li>
  );
}

function ObjectView({
  object,
  index,
  passwordForm,
}: {
  object: DecodedObject;
  index: number;
  passwordForm: ComponentChildren;
}) {
  const label = `${KIND_WORDS[object.kind]} ${index}`;
  const notes = object.notes.length > 0 && (
    <ul class="hs-pki-notes" aria-label={`Notes on object ${index}`}>
      {object.notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );

  switch (object.kind) {
    case 'certificate':
      return <CertificateView certificate={object} label={label} />;
    case 'certification-request':
      return (
        <>
          <Facts
            label={label}
            facts={[
              ['Subject', object.subject.text],
              ['Public key', object.publicKey.description],
              ['Signature', object.signatureAlgorithm.name],
              [
                'Asks for',
                object.requestedExtensions.list.map((e) => e.name).join(', ') || 'no extensions',
              ],
            ]}
          />
          {notes}
          <FieldTree root={object.fields} label={`Fields of ${label.toLowerCase()}`} />
        </>
      );
    case 'private-key':
      return (
        <>
          <p class="hs-warning">
            This is a private key: whoever has it can act as the device. The inspector reads it
            inside this page and sends it nowhere, and shows its secret numbers by size only.
          </p>
          <Facts
            label={label}
            facts={[
              ['Key', object.description],
              ['Format', object.format.toUpperCase()],
            ]}
          />
          {notes}
          <FieldTree root={object.fields} label={`Fields of ${label.toLowerCase()}`} />
        </>
      );
    case 'encrypted-private-key':
      return (
        <>
          <Facts label={label} facts={[['Protected with', object.encryption]]} />
          {notes}
          {!object.decrypted && (
            <p class="hs-note">
              Give its password below to see the key inside. The password and the key stay in this
              page.
            </p>
          )}
          {passwordForm}
          {object.decrypted && (
            <div class="hs-pki-decrypted">
              <h4>Inside: {object.decrypted.description}</h4>
              <FieldTree
                root={object.decrypted.fields}
                label={`Fields of the decrypted key ${index}`}
              />
            </div>
          )}
          <FieldTree
            root={object.fields}
            label={`Fields of ${label.toLowerCase()}`}
            openDepth={1}
          />
        </>
      );
    default:
      return (
        <>
          {'description' in object && <Facts label={label} facts={[['Key', object.description]]} />}
          {notes}
          <FieldTree root={object.fields} label={`Fields of ${label.toLowerCase()}`} />
        </>
      );
  }
}

function Facts({ label, facts }: { label: string; facts: [string, string][] }) {
  return (
    <dl class="hs-pki-summary" aria-label={label}>
      {facts.map(([name, value]) => (
        <div key={name} class="hs-pki-summary__entry">
          <dt>{name}</dt>
          <dd>
            <code>{value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
