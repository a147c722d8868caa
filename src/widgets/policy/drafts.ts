/**
 * Per-example drafts, so nothing a learner typed is lost: switching to another example keeps the
 * edits of the one left behind, and coming back brings them back. Only "restore" drops them.
 */

export interface DraftBook<T> {
  /** The example on screen. */
  readonly current: string;
  /** The learner's version of each example they changed. */
  readonly edits: Readonly<Record<string, T>>;
}

export function newDraftBook<T>(current: string): DraftBook<T> {
  return { current, edits: {} };
}

/** The value on screen for an example: the learner's draft, else the original. */
export function draftValue<T>(
  book: DraftBook<T>,
  original: (id: string) => T,
  id = book.current,
): T {
  return Object.hasOwn(book.edits, id) ? (book.edits[id] as T) : original(id);
}

/** Shows another example; the one left keeps its draft. */
export function openDraft<T>(book: DraftBook<T>, id: string): DraftBook<T> {
  return { ...book, current: id };
}

/** Records a change to the example on screen. */
export function editDraft<T>(book: DraftBook<T>, value: T): DraftBook<T> {
  return { ...book, edits: { ...book.edits, [book.current]: value } };
}

/** Drops the draft of the example on screen, bringing back the original. */
export function restoreDraft<T>(book: DraftBook<T>): DraftBook<T> {
  const edits = { ...book.edits };
  delete edits[book.current];

  return { ...book, edits };
}

/** Has the learner changed this example from its original? */
export function isEdited<T>(book: DraftBook<T>, original: (id: string) => T, id = book.current) {
  if (!Object.hasOwn(book.edits, id)) return false;

  return JSON.stringify(book.edits[id]) !== JSON.stringify(original(id));
}
