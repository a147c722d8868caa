/**
 * The chain checker's three boxes, read into certificates: every block that is not a
 * certificate, or does not decode, is reported with the box it is in and left out.
 */
import type { Certificate, PkiProblem } from '../../core/pki/index.ts';
import type { Pki } from './load-pki.ts';

export const CHAIN_BOXES = ['leaf', 'intermediates', 'anchors'] as const;
export type ChainBox = (typeof CHAIN_BOXES)[number];

export const BOX_LABELS: Record<ChainBox, string> = {
  leaf: 'Device certificate (leaf)',
  intermediates: 'Intermediate CA certificates',
  anchors: 'Trusted CA certificates (trust anchors)',
};

export interface BoxProblem {
  box: ChainBox;
  /** A decoder problem with its stage, or a plain sentence for a block of the wrong kind. */
  problem?: PkiProblem;
  message?: string;
}

export type ChainText = Record<ChainBox, string>;

export function readChainBoxes(
  pki: Pki,
  text: ChainText,
): { certificates: Record<ChainBox, Certificate[]>; problems: BoxProblem[] } {
  const certificates: Record<ChainBox, Certificate[]> = {
    leaf: [],
    intermediates: [],
    anchors: [],
  };
  const problems: BoxProblem[] = [];

  for (const box of CHAIN_BOXES) {
    if (text[box].trim() === '') continue;
    const result = pki.decodeSync(text[box]);
    if (result.problem && result.blocks.length === 0)
      problems.push({ box, problem: result.problem });
    for (const block of result.blocks) {
      if (block.status === 'rejected') problems.push({ box, problem: block.problem });
      else if (block.object.kind === 'certificate') certificates[box].push(block.object);
      else {
        problems.push({
          box,
          message:
            `Block ${block.source.index} (${block.source.label ?? 'DER'}) is not a certificate, so it was ` +
            'left out. A chain is made of certificates only; keys and CSRs belong elsewhere.',
        });
      }
    }
  }
  return { certificates, problems };
}

export const EMPTY_CHAIN: ChainText & { clock: string } = {
  leaf: '',
  intermediates: '',
  anchors: '',
  clock: '',
};

export function isChainText(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return [...CHAIN_BOXES, 'clock'].every((key) => typeof record[key] === 'string');
}
