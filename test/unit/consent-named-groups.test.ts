import { consentCoverage, consentNamedGroups } from '../../server/src/contracts/cases/consent-coverage';
import { SHAREABLE_GROUPS } from '../../server/src/contracts/referrals/referral.schemas';

// What a referral form starts with ticked: the groups a valid consent names itself, in the groups' order.
describe('the groups a consent names', () => {
  const given = { given: true, givenOn: '2026-12-01', withdrawn: false, withdrawnOn: null };

  it('are those the consent form recorded, within what the consent covers', () => {
    const record = { consents: { nas: { ...given, groups: ['plan' as const, 'identity' as const] } } };
    expect(consentNamedGroups(record, 'nas')).toEqual(['identity', 'plan']);
    expect(consentCoverage(record, 'nas')).toEqual(['plan', 'identity']);
  });

  it('are none for a consent that names no groups, though it covers every group', () => {
    const record = { consents: { nas: given } };
    expect(consentNamedGroups(record, 'nas')).toEqual([]);
    expect(consentCoverage(record, 'nas')).toEqual([...SHAREABLE_GROUPS]);
  });

  it('are none without a valid consent', () => {
    const withdrawn = { consents: { nas: { ...given, withdrawn: true, withdrawnOn: '2026-12-02', groups: ['identity' as const] } } };
    expect(consentNamedGroups(withdrawn, 'nas')).toEqual([]);
    expect(consentNamedGroups(withdrawn, 'iom')).toEqual([]);
  });
});
