import { z } from 'zod';
import type { DateSchema } from '../api/wire.schemas';
import { IsoDateTime } from '../api/wire.schemas';
import { referralViewSchema } from './referral-view.types';

export const INBOX_KINDS = ['referral', 'referralDecided', 'task', 'deadline', 'notification'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/**
 * One thing in a user's inbox. Texts are keys the client translates; the case is named by its reference only, and
 * the link leads to the case page (or the referral) where the permission layer decides what is shown.
 */
export const inboxItemSchema = <D extends z.ZodType>(date: D) =>
  z.object({
    /** Stable per item (`referral:<id>`, `task:<case>:<task>` …): the unread marks refer to it. */
    id: z.string(),
    kind: z.enum(INBOX_KINDS),
    at: date,
    unread: z.boolean(),
    caseId: z.string().optional(),
    caseReference: z.string().optional(),
    /** The referral, for `referral` and `referralDecided`. */
    referral: referralViewSchema(date).optional(),
    /** An i18n key: the task's title, the deadline's name or the notification's message. */
    messageKey: z.string().optional(),
    /** The workflow the key belongs to (a template key or an organisation workflow's id). */
    workflowId: z.string().optional(),
    dueAt: date.optional(),
    overdue: z.boolean().optional(),
  });

export const inboxViewSchema = <D extends z.ZodType>(date: D) => z.object({ items: z.array(inboxItemSchema(date)), unread: z.number().int().min(0) });

export type InboxItem<TDate = string> = z.infer<ReturnType<typeof inboxItemSchema<DateSchema<TDate>>>>;
export type InboxView<TDate = string> = z.infer<ReturnType<typeof inboxViewSchema<DateSchema<TDate>>>>;
/** `GET /api/inbox` as the API answers it. */
export const InboxViewSchema = inboxViewSchema(IsoDateTime);
