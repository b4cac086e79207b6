import { z } from 'zod';

/** The sections every rights sheet may have, in the order a person reads them (issue 18). */
export const RIGHTS_SECTIONS = ['reflectionPeriod', 'police', 'legalAid', 'healthCare', 'accommodation', 'returnReintegration'] as const;
export type RightsSection = (typeof RIGHTS_SECTIONS)[number];

/** `GET /api/jurisdictions/:code/rights`: the sheet with its values worked out; texts are `person:<text>` keys. */
export const RightsSheetSchema = z.object({
  jurisdiction: z.string(),
  sections: z.array(
    z.object({ id: z.enum(RIGHTS_SECTIONS), paragraphs: z.array(z.object({ text: z.string(), values: z.record(z.string(), z.number()) })) }),
  ),
});
export type RightsSheet = z.infer<typeof RightsSheetSchema>;
