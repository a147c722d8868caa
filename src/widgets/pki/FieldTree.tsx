import { useState } from 'preact/hooks';
import type { DecodedField } from '../../core/pki/index.ts';

interface Props {
  root: DecodedField;
  /** What the tree shows, for screen readers, e.g. "Fields of the device certificate". */
  label: string;
  /** How many levels are open at first. Default: 2. */
  openDepth?: number;
}

/**
 * Every ASN.1 element of a decoded object, named as RFC 5280 (or PKCS) names it, with its
 * value, what it means, and where its bytes sit in the DER.
 */
export default function FieldTree({ root, label, openDepth = 2 }: Props) {
  const [expandAll, setExpandAll] = useState(false);

  return (
    <div class="hs-pki-tree">
      <div class="hs-pki-tree__head">
        <h4>Every field</h4>
        <button
          type="button"
          class="hs-button hs-button--quiet"
          aria-pressed={expandAll}
          onClick={() => setExpandAll(!expandAll)}
        >
          {expandAll ? 'Collapse' : 'Expand all'}
        </button>
      </div>
      <ul class="hs-pki-tree__list" aria-label={label} key={String(expandAll)}>
        <Node field={root} depth={0} openDepth={expandAll ? Infinity : openDepth} />
      </ul>
    </div>
  );
}

function Node({
  field,
  depth,
  openDepth,
}: {
  field: DecodedField;
  depth: number;
  openDepth: number;
}) {
  const row = <Row field={field} />;
  if (!field.children) {
    return (
      <li class="hs-pki-node" data-field={field.name}>
        {row}
      </li>
    );
  }

  return (
    <li class="hs-pki-node" data-field={field.name}>
      <details open={depth < openDepth}>
        <summary>{row}</summary>
        <ul>
          {field.children.map((child, i) => (
            <Node
              key={`${i}:${child.name}`}
              field={child}
              depth={depth + 1}
              openDepth={openDepth}
            />
          ))}
        </ul>
      </details>
    </li>
  );
}

function Row({ field }: { field: DecodedField }) {
  return (
    <span class="hs-pki-node__row">
      <span class="hs-pki-node__name">{field.name}</span>
      <span class="hs-pki-node__type">{field.type}</span>
      {field.value !== undefined && <span class="hs-pki-node__value">{field.value}</span>}
      <span
        class="hs-pki-node__bytes"
        title="Where the element starts in the DER (its tag byte), and the bytes it takes: tag, length and content"
      >
        offset {field.offset}, {field.length} {field.length === 1 ? 'byte' : 'bytes'}
      </span>
      <span class="hs-pki-node__meaning">{field.meaning}</span>
    </span>
  );
}
