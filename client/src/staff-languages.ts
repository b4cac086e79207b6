/** Staff languages (DOMAIN.md), in the order the interface offers them; English fills missing keys. */
export const STAFF_LANGUAGES = ['en', 'fi', 'sv', 'da', 'bg', 'ro', 'hu', 'cs', 'mk', 'sq', 'sr', 'ar'] as const;
