export { CaseReferrals } from './CaseReferrals';
export { useReferralWords } from './referral-words';
export { ReferralDetails } from './ReferralDetails';
