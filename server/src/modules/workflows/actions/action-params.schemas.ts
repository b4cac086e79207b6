import { z } from 'zod';
import { DurationSchema, FORM_PATH_PATTERN, IDENTIFIER_PATTERN } from '../../../contracts/workflows/workflow-definition.schemas';

export const roleParam = z.string().regex(IDENTIFIER_PATTERN);
export const formPathParam = z.string().regex(FORM_PATH_PATTERN);
/** i18n keys only, never display text. */
export const i18nKeyParam = z.string().regex(/^workflows:[A-Za-z0-9_.-]+$/);
export const durationParam = DurationSchema;
