const STORAGE_KEY = 'handshake.topicPrefix';

/**
 * A random topic prefix per learner, kept in this browser, so demos on a shared public broker
 * do not collide and strangers' messages do not land in the learner's log.
 */
export function randomTopicPrefix(): string {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && /^handshake\/[0-9a-z]{8}\/$/.test(saved)) return saved;
  } catch {
    // No storage: a fresh prefix for this page only.
  }
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const prefix = `handshake/${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}/`;
  try {
    localStorage.setItem(STORAGE_KEY, prefix);
  } catch {
    // As above: the prefix then lasts for this page only.
  }
  return prefix;
}
