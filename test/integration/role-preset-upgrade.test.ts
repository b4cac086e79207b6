import type { Types } from 'mongoose';
import { clonePresetInto, upgradeRolePresets, roleModel } from '../../server/src/modules/access';
import {
  rulesFingerprint, EARLIER_PRESET_FINGERPRINTS, ROLE_PRESETS, decodeRules, encodeRules, type RoleRule,
} from '../../server/src/modules/access/testing';
import { auditModel } from '../../server/src/modules/audit/testing';
import { organisationModel } from '../../server/src/modules/tenants';
import { api, createCaseApp, login, type CaseApp } from '../helpers/case-app';

/*
 * A database stored by an earlier release: the NGO's worker role holds the ngo-worker preset as it was before it
 * received referrals, untouched; another organisation's role from the same preset was edited by its administrator.
 * Starting this release upgrades the first (and so the NGO's worker sees and decides referrals to the NGO, within the
 * NGO only) and leaves the second alone, reporting it once however many processes start together.
 */
let t: CaseApp;
const ngoWorker = ROLE_PRESETS.find((preset) => preset.key === 'ngo-worker')!;
const receivesReferrals = (rule: RoleRule) => [rule.subject].flat().includes('Referral') || (rule.conditions as Record<string, unknown> | undefined)?.sharedWith !== undefined;
/** The preset as the releases before this one had it: everything but receiving referrals and reading the cases they share. */
const earlierRules = ngoWorker.rules.filter((rule) => !receivesReferrals(rule));
/** What an administrator made of it at the shelter: the worker no longer reads submissions' confidential data. */
const editedRules = earlierRules.map((rule) =>
  [rule.subject].flat().includes('Submission') && rule.fields ? { ...rule, fields: rule.fields.filter((field) => field !== 'confidentialData') } : rule,
);

const logged: Array<{ details: object; message: string }> = [];
const logger = { info: (details: object, message: string) => logged.push({ details, message }), warn: (details: object, message: string) => logged.push({ details, message }) };

let untouchedId: Types.ObjectId;
let editedId: Types.ObjectId;

beforeAll(async () => {
  t = await createCaseApp('preset-upgrade');
  const Roles = roleModel(t.db);
  const ngo = (await organisationModel(t.db).findOne({ slug: 'fi-victim-support' }).lean())!;
  const shelter = (await organisationModel(t.db).findOne({ slug: 'mk-shelter' }).lean())!;
  // Roles stored before fingerprints were: the earlier rules, and no fingerprint.
  const untouched = (await Roles.findOne({ orgId: ngo._id, key: 'ngo-worker' }).lean())!;
  await Roles.updateOne({ _id: untouched._id }, { $set: { rules: encodeRules(earlierRules) }, $unset: { presetFingerprint: 1 } });
  untouchedId = untouched._id;
  const edited = await clonePresetInto(t.db, shelter._id, 'ngo-worker', 'Outreach worker');
  await Roles.updateOne({ _id: edited._id }, { $set: { rules: encodeRules(editedRules) }, $unset: { presetFingerprint: 1 } });
  editedId = edited._id;
});
afterAll(async () => t.close());

it('knows the earlier preset the old database holds', () => {
  expect(EARLIER_PRESET_FINGERPRINTS['ngo-worker']).toContain(rulesFingerprint(earlierRules));
  expect(EARLIER_PRESET_FINGERPRINTS['ngo-worker']).not.toContain(rulesFingerprint(editedRules));
});

it('upgrades the untouched role and reports the edited one once, with several processes starting at once', async () => {
  const before = await roleModel(t.db).findById(editedId).lean();
  const runs = await Promise.all([upgradeRolePresets(t.db, { logger }), upgradeRolePresets(t.db, { logger }), upgradeRolePresets(t.db, { logger })]);
  expect(runs.reduce((sum, run) => sum + run.upgraded, 0)).toBe(1);
  expect(runs.reduce((sum, run) => sum + run.edited, 0)).toBe(1);

  const upgraded = (await roleModel(t.db).findById(untouchedId).lean())!;
  expect(decodeRules(upgraded.rules)).toEqual(decodeRules(encodeRules(ngoWorker.rules)));
  expect(upgraded.rules.some((rule) => rule.subject.includes('Referral'))).toBe(true);
  expect(upgraded.presetFingerprint).toBe(rulesFingerprint(ngoWorker.rules));

  const edited = (await roleModel(t.db).findById(editedId).lean())!;
  expect(edited.rules).toEqual(before!.rules);
  expect(edited.presetReported).toBe(rulesFingerprint(ngoWorker.rules));

  const audit = await auditModel(t.db).find({ subjectType: 'Role', action: { $in: ['preset-upgrade', 'preset-upgrade-skipped'] } }).lean();
  expect(audit.map((entry) => [entry.action, entry.subjectId, String(entry.orgId)]).sort()).toEqual(
    [
      ['preset-upgrade', String(untouchedId), String(upgraded.orgId)],
      ['preset-upgrade-skipped', String(editedId), String(edited.orgId)],
    ].sort(),
  );
  // The log names records by id and the preset by key: no names, no e-mail addresses.
  expect(logged).toHaveLength(2);
  for (const { details } of logged) expect(Object.keys(details).sort()).toEqual(['orgId', 'preset', 'roleId']);
  expect(JSON.stringify(logged)).not.toContain('Outreach worker');
});

it('changes nothing when started again', async () => {
  const roles = await roleModel(t.db).find({}).lean();
  expect(await upgradeRolePresets(t.db, { logger })).toEqual({ upgraded: 0, edited: 0 });
  expect(await roleModel(t.db).find({}).lean()).toEqual(roles);
  expect(await auditModel(t.db).countDocuments({ action: { $in: ['preset-upgrade', 'preset-upgrade-skipped'] } })).toBe(2);
});

it("the upgraded NGO worker sees and decides the referrals to the NGO, and none to another organisation", async () => {
  const helsinki = api(t.app, (await login(t.app, 'worker@helsinki.demo.test')).token);
  const ngoWorkerClient = api(t.app, (await login(t.app, 'ngo@victimsupport.demo.test')).token);
  const referTo = async (organisation: string, consentKey: string, alias: string) => {
    const created = await helsinki.post('/cases', { alias, workflowId: 'finland-municipality', identity: { estimatedAge: 30, ageUncertain: false, languages: ['en'] } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const version = (await helsinki.get(`/cases/${id}`)).body.version;
    expect((await helsinki.patch(`/cases/${id}`, { version, consents: { [consentKey]: { given: true, groups: ['identity', 'integration'] } } })).status).toBe(200);
    const current = (await helsinki.get(`/cases/${id}`)).body.version;
    const made = await helsinki.post(`/cases/${id}/referrals`, { organisation, purpose: 'service', groups: ['integration'], message: 'Peer support, please', version: current });
    expect(made.status).toBe(201);
    return made.body.id as string;
  };
  const toNgo = await referTo('fi-victim-support', 'victimSupport', 'Peer support');
  const toShelter = await referTo('mk-shelter', 'shelter', 'Shelter place');

  expect((await ngoWorkerClient.get(`/referrals/${toNgo}`)).body).toMatchObject({ status: 'pending', to: { slug: 'fi-victim-support' } });
  // The organisation boundary holds whatever the rules say: a referral to the shelter stays out of the NGO's reach.
  expect((await ngoWorkerClient.get(`/referrals/${toShelter}`)).status).toBe(404);
  expect((await ngoWorkerClient.post(`/referrals/${toShelter}/decision`, { decision: 'accept' })).status).toBe(404);
  const decided = await ngoWorkerClient.post(`/referrals/${toNgo}/decision`, { decision: 'accept' });
  expect(decided.status).toBe(200);
  expect(decided.body.status).toBe('accepted');

  // Accepted, the case is the NGO's to read as far as the referral shared it: on its case list and its own page.
  const caseId = decided.body.caseId as string;
  const listed = await ngoWorkerClient.get('/cases?page=1&pageSize=50');
  expect(listed.status).toBe(200);
  expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(caseId);
  const opened = await ngoWorkerClient.get(`/cases/${caseId}`);
  expect(opened.status).toBe(200);
  expect(opened.body.alias).toBe('Peer support');
  // Only what was shared and what the preset reads: the safe house's location and the narrative stay out.
  expect(opened.body.safeAccommodation).toBeUndefined();
  expect(opened.body.narrative).toBeUndefined();
  // The shelter's case, referred but not accepted by anyone here, stays out of reach.
  const shelterCase = (await helsinki.get(`/referrals/${toShelter}`)).body.caseId as string;
  expect((await ngoWorkerClient.get(`/cases/${shelterCase}`)).status).toBe(404);
});

it('refuses to share a case with the organisation that holds it', async () => {
  const helsinki = api(t.app, (await login(t.app, 'worker@helsinki.demo.test')).token);
  const created = await helsinki.post('/cases', { alias: 'Own share', workflowId: 'finland-municipality', consents: { police: { given: true, givenOn: '2025-01-10' } }, identity: { estimatedAge: 30, ageUncertain: false, languages: ['en'] } });
  expect(created.status).toBe(201);
  const refused = await helsinki.post(`/cases/${created.body.id}/share`, { recipient: 'police', organisation: 'fi-helsinki', version: created.body.version });
  expect(refused.status).toBe(400);
  expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(refused.body.code ?? refused.body.type).toMatch(/referral-to-own-organisation/);
  expect((await helsinki.get(`/cases/${created.body.id}`)).body.version).toBe(created.body.version);
});
