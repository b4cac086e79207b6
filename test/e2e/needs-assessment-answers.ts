import { fixture } from './journey-kit';

/*
 * A needs assessment as the journeys answer it, in the order its fields stand in the form (values of the form's own
 * options): the interview, the person, what happened and what they need, and the referral decided with them. Each
 * journey composes the parts and changes what its person differs in.
 */
export type Answers = Array<[string, unknown]>;

/** The interview: in the office, in Romanian, the assessment's consent explained and given before a witness. */
export function interviewAnswers(interviewDate: string): Answers {
  return [
    ['interviewDate', interviewDate],
    ['interviewSetting', 'office'],
    ['interviewLanguage', 'ro'],
    ['interpreterNeeded', 'no'],
    ['interviewerGenderOffered', 'no'],
    ['consentExplained', true],
    ['consentToAssessment', true],
    ['consentRecordedHow', 'verbal-with-witness'],
  ];
}

/** Who the person is: the alias and age they gave (an uncertain age says so). */
export function personAnswers(alias: string, age: string, ageUncertain = false): Answers {
  return [['alias', alias], ['ageYears', age], ...(ageUncertain ? ([['ageUncertain', true]] as Answers) : [])];
}

/** A woman who speaks and reads Romanian, without dependants, in safe accommodation; her needs as the fixture has them. */
export function situationAnswers(exploitation: string): Answers {
  return [
    ['ageBasis', 'own-statement'],
    ['gender', 'woman'],
    ['languagesSpoken', ['ro']],
    ['preferredLanguage', 'ro'],
    ['literacy', 'yes'],
    ['hasDependants', 'no'],
    ['currentAccommodation', 'safe-accommodation'],
    ['formsOfExploitation', { [exploitation]: true }],
    ['caseworkerAssessment', 'likely-victim'],
    ...Object.entries(fixture('needs-assessment')).filter(([key]) => /^(need|obstacle)[A-Z]/.test(key) && !key.endsWith('Notes')),
  ];
}

/**
 * Referred to the NAS with the person's consent, not wishing to return. The form presumes a child in a person under
 * 18 or of uncertain age and asks whether the municipal child welfare was contacted (unanswered, the submission stops
 * at the form's own message).
 */
export function nasReferralAnswers(childWelfareContacted = false): Answers {
  return [
    ['referralOutcome', 'nas'],
    ['referralConsentConfirmed', true],
    ...(childWelfareContacted ? ([['childWelfareContacted', true]] as Answers) : []),
    ['wishesVoluntaryReturn', 'no'],
  ];
}
