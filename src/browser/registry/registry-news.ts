/**
 * Word that the in-page registry changed, from the tab that changed it to the in-page lab's
 * worker (and other tabs), over a BroadcastChannel: the broker then re-reads its devices'
 * policies and drops those whose certificate is no longer ACTIVE (flow-19, flow-27).
 */

/** One channel name for every tab and worker of this origin. */
export const REGISTRY_NEWS_CHANNEL = 'handshake-registry-news';

let sender: BroadcastChannel | null = null;

/** Tells every other context of this origin that the registry changed; silent without support. */
export function announceRegistryChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;

  sender ??= new BroadcastChannel(REGISTRY_NEWS_CHANNEL);
  sender.postMessage({ kind: 'registry-changed' });
}

/** Calls `changed` whenever another context announces a change; returns how to stop. */
export function hearRegistryChanges(changed: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};

  const channel = new BroadcastChannel(REGISTRY_NEWS_CHANNEL);
  channel.onmessage = () => changed();
  return () => channel.close();
}
