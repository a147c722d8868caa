import { describe, expect, it } from 'vitest';
import {
  draftValue,
  editDraft,
  isEdited,
  newDraftBook,
  openDraft,
  restoreDraft,
} from '../../../src/widgets/policy/drafts.ts';

const ORIGINALS: Record<string, string> = { a: 'original a', b: 'original b' };
const original = (id: string) => ORIGINALS[id] ?? '';

describe('per-example drafts', () => {
  it('shows the original until the learner edits it', () => {
    const book = newDraftBook<string>('a');

    expect(draftValue(book, original)).toBe('original a');
    expect(isEdited(book, original)).toBe(false);
  });

  it('keeps an edit when the learner switches away and back', () => {
    let book = editDraft(newDraftBook<string>('a'), 'my a');
    book = openDraft(book, 'b');

    expect(draftValue(book, original)).toBe('original b');
    expect(isEdited(book, original, 'a')).toBe(true);

    book = openDraft(book, 'a');
    expect(draftValue(book, original)).toBe('my a');
  });

  it('restores only the example on screen', () => {
    let book = editDraft(newDraftBook<string>('a'), 'my a');
    book = editDraft(openDraft(book, 'b'), 'my b');
    book = restoreDraft(book);

    expect(draftValue(book, original)).toBe('original b');
    expect(draftValue(book, original, 'a')).toBe('my a');
  });

  it('does not call an edit that put the original back an edit', () => {
    const book = editDraft(editDraft(newDraftBook<string>('a'), 'x'), 'original a');

    expect(isEdited(book, original)).toBe(false);
  });

  it('compares structured drafts by value', () => {
    const state = (id: string) => ({ id, topic: 't' });
    const book = editDraft(newDraftBook<{ id: string; topic: string }>('a'), state('a'));

    expect(isEdited(book, state)).toBe(false);
    expect(isEdited(editDraft(book, { id: 'a', topic: 'u' }), state)).toBe(true);
  });
});
