import { z } from 'zod';

/*
 * Building blocks of the API's answers (response schemas), shared by client and server. Response schemas describe
 * what the server sends as JSON, so they are plain objects without defaults: parsing an answer with one gives back
 * the same answer, which is how test/integration/openapi-responses.test.ts checks that they match reality.
 */

/** A point in time as JSON makes it of a `Date` (`2025-03-03T08:00:00.000Z`). */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** A calendar day (`2025-03-03`). */
export const IsoDay = z.iso.date();
/** A record's id as the API writes it (24 hex digits). */
export const ObjectIdText = z.string().regex(/^[0-9a-f]{24}$/);

/**
 * How a response schema that a server type shares takes its dates: the API answers ISO text (`IsoDateTime`), the
 * server holds `Date`s. A schema factory `caseTaskSchema(date)` gives both types from one definition:
 * `CaseTask<TDate> = z.infer<ReturnType<typeof caseTaskSchema<DateSchema<TDate>>>>`.
 */
export type DateSchema<TDate> = z.ZodType<TDate>;

/** `{ items, total }` lists. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int().min(0) });
