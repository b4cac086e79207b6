/** The sections every rights sheet may have, in the order a person reads them (issue 18). */
export const RIGHTS_SECTIONS = ['reflectionPeriod', 'police', 'legalAid', 'healthCare', 'accommodation', 'returnReintegration'] as const;
export type RightsSection = (typeof RIGHTS_SECTIONS)[number];

/** `GET /api/jurisdictions/:code/rights`: the sheet with its values worked out; texts are `person:<text>` keys. */
export interface RightsSheet {
  jurisdiction: string;
  sections: Array<{ id: RightsSection; paragraphs: Array<{ text: string; values: Record<string, number> }> }>;
}
