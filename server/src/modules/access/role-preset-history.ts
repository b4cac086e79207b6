/**
 * Fingerprints (preset-fingerprint.ts) of every earlier version of each organisation preset, from the releases that
 * stored no fingerprint with the roles cloned from a preset. A stored role without one whose rules have one of these
 * fingerprints was never edited, and the upgrade at start (role-preset-upgrade.ts) brings it to the preset's current
 * rules. Roles cloned since carry the fingerprint of the rules they were given, so this list never grows: it was made
 * from every version of role-presets.ts in the repository's history up to the release that started storing them.
 */
export const EARLIER_PRESET_FINGERPRINTS: Readonly<Record<string, readonly string[]>> = {
  'org-admin': ['1040ebae55ae6d8e4c60ded6', '63fbc5ef21b6dcecb617391d', 'cc64fff76af71943d5a00f96'],
  'form-designer': ['51193e9e0c2ba3081874225d'],
  'caseworker': ['d8e40dc1e07e11596da8a949', '766a5f68fb8135ecba95cb63'],
  'national-coordinator': ['3817895fbb1d38c71e752537', '57b1a9f3618d08c8a0e03e52'],
  'ngo-worker': ['3530f8f10c775c8daf4a3fb1', 'fe4efa44219577fee96b94b6'],
  'shelter-worker': ['240d61adead336df0bc87223', 'edab201aaa538804eee6bc25'],
  'legal-representative': ['091f99391454e2959514372f'],
  'employment-services': ['a95d5fe352b5dfa1ad3fe297'],
  'iom-caseworker': ['587f754281d6c7fb7bf4d7e8', 'e32440af18c77e6eb91704d5', 'ecb09d0c52c619267ac93867'],
  'police-liaison': ['aeb626531461b29273c939e7'],
  'auditor': ['2a3ba8329a75385e314871a1', 'c75a1f85a52bf918ac2e0ae7'],
};
