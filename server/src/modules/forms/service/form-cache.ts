import type { Connection, Types } from 'mongoose';
import { ConnectionCache } from '../../../core/db/connection-cache';
import type { Form } from '../storage/form.model';

/**
 * Forms as looked up for new submissions, kept for a few seconds. Creating a submission is the hot path of the
 * product (`npm run bench`), and the form document (path, published revision) changes rarely. This process forgets a
 * form as soon as it changes it; another process sharing the database sees a publish or delete within FORM_CACHE_MS,
 * the same bound as the identity and rules cache (auth-context.ts). A submission accepted in that window is still
 * validated against, and pinned to, a real published revision.
 */
export const FORM_CACHE_MS = 5_000;
const forms = new ConnectionCache<Form>(FORM_CACHE_MS, 1_000);

export function cachedForm(db: Connection, key: string): Form | undefined {
  return forms.get(db, key);
}

export function rememberForm(db: Connection, key: string, form: Form): void {
  forms.set(db, key, form);
}

/** Called by every write of a form document in this process. */
export function forgetForm(db: Connection, formId: Types.ObjectId): void {
  forms.forget(db, (form) => form._id.equals(formId));
}
