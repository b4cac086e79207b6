import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duration } from 'luxon';
import { z } from 'zod';
import { RIGHTS_SECTIONS, type RightsSheet } from '../../../contracts/person/rights-sheet.types';

/*
 * "Your rights and options" per jurisdiction (issue 18): which paragraphs a person reads, as data in
 * workflows/jurisdictions/rights/<code>.json, with numbers taken from the jurisdiction's parameters (the reflection
 * period of Denmark is 30 days because its parameter says so, and changes with it). The texts themselves are in
 * locales/<language>/person.json, one key per paragraph, so every person language has the same sheet.
 */
const ValueSchema = z.strictObject({ parameter: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), unit: z.enum(['days', 'weeks', 'months']) });
const RightsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  jurisdiction: z.string().regex(/^[a-z]{2}$/),
  sections: z
    .array(
      z.strictObject({
        id: z.enum(RIGHTS_SECTIONS),
        // A paragraph's one number is `count`, so its text takes the plural form of the person's language (`_one`, `_few` ...).
        paragraphs: z.array(z.strictObject({ text: z.string().regex(/^rights\.[A-Za-z.]+$/), values: z.strictObject({ count: ValueSchema }).optional() })).min(1),
      }),
    )
    .min(1),
});
export type RightsFile = z.infer<typeof RightsFileSchema>;

/** The sheet file of a jurisdiction, or null when it has none. Throws on a malformed file (a shipped file: a test loads each). */
export function readRightsFile(workflowsDir: string, code: string): RightsFile | null {
  if (!/^[a-z]{2}$/.test(code)) return null;
  const file = join(workflowsDir, 'jurisdictions', 'rights', `${code}.json`);
  if (!existsSync(file)) return null;
  return RightsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The parameters each paragraph needs that the jurisdiction does not give as a duration: reported, never guessed. */
export function missingRightsValues(sheet: RightsFile, parameters: Record<string, unknown>): string[] {
  return sheet.sections.flatMap((section) =>
    section.paragraphs.flatMap((paragraph) =>
      Object.values(paragraph.values ?? {})
        .filter((value) => typeof parameters[value.parameter] !== 'string' || !Duration.fromISO(parameters[value.parameter] as string).isValid)
        .map((value) => value.parameter),
    ),
  );
}

/** The sheet with its numbers worked out from the parameters in force (the organisation's over the jurisdiction's). */
export function resolveRightsSheet(sheet: RightsFile, parameters: Record<string, unknown>): RightsSheet {
  return {
    jurisdiction: sheet.jurisdiction,
    sections: sheet.sections.map((section) => ({
      id: section.id,
      paragraphs: section.paragraphs
        .map((paragraph) => {
          const values: Record<string, number> = {};
          for (const [name, value] of Object.entries(paragraph.values ?? {})) {
            const iso = parameters[value.parameter];
            const duration = typeof iso === 'string' ? Duration.fromISO(iso) : undefined;
            if (!duration?.isValid) return null; // a paragraph without its number is left out rather than shown wrong
            values[name] = Math.round(duration.as(value.unit));
          }
          return { text: paragraph.text, values };
        })
        .filter((paragraph): paragraph is { text: string; values: Record<string, number> } => paragraph !== null),
    })),
  };
}
