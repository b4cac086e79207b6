import type { ReferralView } from './referral-view.types';

export const INBOX_KINDS = ['referral', 'referralDecided', 'task', 'deadline', 'notification'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/**
 * One thing in a user's inbox. Texts are keys the client translates; the case is named by its reference only, and
 * the link leads to the case page (or the referral) where the permission layer decides what is shown.
 */
export interface InboxItem<TDate = string> {
  /** Stable per item (`referral:<id>`, `task:<case>:<task>` …): the unread marks refer to it. */
  id: string;
  kind: InboxKind;
  at: TDate;
  unread: boolean;
  caseId?: string;
  caseReference?: string;
  /** The referral, for `referral` and `referralDecided`. */
  referral?: ReferralView<TDate>;
  /** An i18n key: the task's title, the deadline's name or the notification's message. */
  messageKey?: string;
  /** The workflow the key belongs to (a template key or an organisation workflow's id). */
  workflowId?: string;
  dueAt?: TDate;
  overdue?: boolean;
}

export interface InboxView<TDate = string> {
  items: InboxItem<TDate>[];
  unread: number;
}
