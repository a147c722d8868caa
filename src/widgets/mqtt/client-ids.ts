/** Client IDs connected from this page, so a panel can warn before reusing one. */
const inUse = new Map<string, number>();

export function claimClientId(id: string): () => void {
  inUse.set(id, (inUse.get(id) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const count = (inUse.get(id) ?? 1) - 1;
    if (count <= 0) inUse.delete(id);
    else inUse.set(id, count);
  };
}

export function isClientIdInUse(id: string): boolean {
  return inUse.has(id);
}

/** A short random suffix, so two learners on one lab server do not share client IDs. */
export function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0').slice(-2)).join('');
}
