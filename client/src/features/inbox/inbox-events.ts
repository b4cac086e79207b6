/** Told when the inbox changed here (items read, a referral decided), so the header's count follows at once. */
const EVENT = 'inbox-changed';

export const announceInboxChanged = () => window.dispatchEvent(new Event(EVENT));

export function onInboxChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
