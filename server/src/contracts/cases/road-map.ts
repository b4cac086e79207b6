/** The 21 stops of the road map for integration; the service tracks of the shipped workflows use these ids. */
export const ROAD_MAP_STOPS = [
  'needsAssessment', 'safeAccommodation', 'legalAssistance', 'medicalAssistance', 'socialPsychologicalAssistance',
  'financialSupport', 'compensation', 'therapy', 'dayCare', 'familyMediation', 'privateAccommodation', 'socialNetwork',
  'languageCourses', 'extraEducation', 'vocationalTraining', 'certificatesQualifications', 'recreationalActivities',
  'jobPlacement', 'employmentCounselling', 'mentorship', 'socialOrientation',
] as const;

/** The two checkpoints of the road map. */
export const CHECKPOINTS = ['languageCheckpoint', 'legalStatusCheckpoint'] as const;
