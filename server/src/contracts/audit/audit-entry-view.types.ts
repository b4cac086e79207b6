import { z } from 'zod';

/**
 * How the audit log names a person or a record: what the reader may read of it (a user's name and e-mail, a case's
 * reference, a form's title, a workflow's or role's name), or `withheld` where the reader may not read the record (or
 * it no longer exists). A withheld record's id is not given either.
 */
export const AuditNameSchema = z.union([z.object({ text: z.string(), detail: z.string().optional() }), z.object({ withheld: z.literal(true) })]);
export type AuditName = z.infer<typeof AuditNameSchema>;

/** One entry of `GET /api/audit`. */
export const AuditEntryViewSchema = z.object({
  _id: z.string(),
  at: z.string(),
  action: z.string(),
  subjectType: z.string(),
  /** Null where the subject is withheld from the reader (unless the reader asked for this id). */
  subjectId: z.string().nullable(),
  /** Null for the platform's own entries and where the person is withheld from the reader. */
  userId: z.string().nullable(),
  orgId: z.string().nullable(),
  sensitiveFields: z.array(z.string()),
  requestId: z.string().nullable(),
  /** Who acted: null for the platform's own entries. */
  who: AuditNameSchema.nullable(),
  /** The record acted on: null where the entry names none (a sign-in). */
  subject: AuditNameSchema.nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;

/** `GET /api/audit`: a page, newest first. */
export const AuditPageSchema = z.object({ items: z.array(AuditEntryViewSchema), total: z.number().int(), skip: z.number().int(), limit: z.number().int() });
