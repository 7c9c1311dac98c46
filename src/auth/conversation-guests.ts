import type { Caller } from './caller.js';

/**
 * The seam through which the caller middleware and the WebSocket asks the conversations module
 * about a conversation link (`kcg_…`): a guest's capability for one conversation. Provided by the
 * edge from GuestLinksService; without it no bearer is a conversation link.
 */
export const CONVERSATION_GUESTS = Symbol('CONVERSATION_GUESTS');

/** Why a link is refused: unknown, revoked and expired look the same from outside. */
export const GUEST_LINK_REFUSED =
  'the conversation link is unknown, revoked or expired: ask the cluster staff for a new one';

export interface ConversationGuests {
  /** The guest caller a link token stands for; null when unknown, revoked or expired. */
  resolve(token: string): Promise<Caller | null>;
  /** The same by the guest's id: read again for every event of an open subscription. */
  resolveId(guestId: string): Promise<Caller | null>;
}

/** `kcg_` + 43 characters of base64url, told apart from sessions (`kss_`) and keys (`knr_`). */
export const GUEST_LINK_PREFIX = 'kcg_';

export const looksLikeGuestLink = (bearer: string): boolean => bearer.startsWith(GUEST_LINK_PREFIX);
