import { rolePresetProblems } from './platform-roles';
import { PLATFORM_ROLE_PRESETS, ROLE_PRESETS } from './role-presets';

describe('role presets at start', () => {
  it('pass: valid rules, and no organisation preset with a platform power', () => {
    expect(rolePresetProblems()).toEqual([]);
  });

  it('name each organisation preset rule that only a platform role may hold, and each misplaced preset', () => {
    const wide = { key: 'too-wide', rules: [{ action: 'read' as const, subject: 'Form' }, { action: 'manage' as const, subject: 'all' }] };
    expect(rolePresetProblems([...ROLE_PRESETS, wide], PLATFORM_ROLE_PRESETS, { national: ['too-wide', 'platform-admin'] })).toEqual([
      'presets.too-wide.rules[1]: platform-only',
      'presetsByOrganisationType.national: platform-admin is not an organisation preset',
    ]);
  });
});
