import type { Types } from 'mongoose';
import request from 'supertest';
import { hashPassword, clonePresetInto, userModel, roleModel } from '../../server/src/modules/access';
import { encodeRules } from '../../server/src/modules/access/testing';
import { organisationModel } from '../../server/src/modules/tenants';
import { loadTemplateLibrary } from '../../server/src/modules/workflows';
import { createDemoApp, DEMO_PASSWORD, signIn } from '../helpers/demo-app';
import type { TestApp } from '../helpers/test-app';

/**
 * Issue 13: the organisation boundary against the organisation's own administrators. Every role that can edit roles
 * or users tries to widen its powers or hand out more than it holds; each attempt is refused and changes nothing,
 * and afterwards it still sees nothing of another organisation.
 */
let t: TestApp;
const ids = new Map<string, string>();
let helsinkiCaseId: string;
let helsinkiSubmissionId: string;

/** Every kind of role that can edit roles or users: the presets' administrators, and a narrower user manager. */
const ADMINS = [
  { label: 'org-admin of dk-cmm', org: 'dk-cmm' },
  { label: 'org-admin of fi-helsinki', org: 'fi-helsinki' },
  { label: 'org-admin of fi-nas (with the organisations below)', org: 'fi-nas' },
  { label: 'user manager of fi-nas', org: 'fi-nas' },
];
const signedIn = new Map<string, { token: string; roleId: string }>();

async function orgId(slug: string) {
  const org = await organisationModel(t.db).findOne({ slug }).lean();
  return org!._id;
}

async function addUser(slug: string, email: string, roleId: Types.ObjectId | string) {
  const org = await orgId(slug);
  await userModel(t.db).create({ email, name: email, passwordHash: await hashPassword(DEMO_PASSWORD), memberships: [{ orgId: org, roleId }] });
  return (await signIn(t, email)).token;
}

beforeAll(async () => {
  t = await createDemoApp('escalation');
  await loadTemplateLibrary(t.db);
  for (const slug of ['fi-helsinki', 'fi-vantaa', 'fi-nas', 'dk-cmm', 'iom-bg']) ids.set(slug, String(await orgId(slug)));

  // The organisations' administrators as the presets make them, and a narrower user manager made by the platform.
  for (const { label, org } of ADMINS.filter((admin) => admin.label.startsWith('org-admin'))) {
    const role = await clonePresetInto(t.db, await orgId(org), 'org-admin');
    signedIn.set(label, { roleId: String(role._id), token: await addUser(org, `admin-${org}@test.invalid`, role._id) });
  }
  const manager = await roleModel(t.db).create({
    orgId: await orgId('fi-nas'),
    key: 'user-manager',
    name: 'User manager',
    rules: encodeRules([
      { action: 'manage', subject: 'User', conditions: { 'memberships.orgId': '${org.id}' } },
      { action: ['read', 'update'], subject: 'Role', conditions: { orgId: '${org.id}' } },
    ]),
  });
  signedIn.set('user manager of fi-nas', { roleId: String(manager._id), token: await addUser('fi-nas', 'manager@test.invalid', manager._id) });

  const worker = await signIn(t, 'worker@helsinki.demo.test');
  const created = await request(t.app).post('/api/cases').set('x-jwt-token', worker.token)
    .send({ alias: 'Helsinki person', workflowId: 'finland-municipality', identity: { estimatedAge: 30, ageUncertain: false } });
  expect(created.status).toBe(201);
  helsinkiCaseId = created.body.id;
  const forms = await request(t.app).get('/api/forms').set('x-jwt-token', worker.token);
  const consent = (forms.body.items ?? forms.body).find((form: { path: string }) => form.path === 'consent-information');
  const submitted = await request(t.app).post(`/api/forms/${consent.id}/submissions`).set('x-jwt-token', worker.token)
    .send({ caseId: helsinkiCaseId, data: {} });
  helsinkiSubmissionId = submitted.body.id;
});
afterAll(() => t.close());

async function rulesOf(roleId: string) {
  return (await roleModel(t.db).findById(roleId).lean())!.rules;
}

async function expectNothingOfOthers(token: string) {
  expect((await request(t.app).get(`/api/cases/${helsinkiCaseId}`).set('x-jwt-token', token)).status).toBe(404);
  const list = await request(t.app).get('/api/cases?pageSize=100').set('x-jwt-token', token);
  expect((list.body.items ?? []).map((item: { id: string }) => item.id)).not.toContain(helsinkiCaseId);
  const submissions = await request(t.app).get('/api/submissions').set('x-jwt-token', token);
  expect(JSON.stringify(submissions.body)).not.toContain(helsinkiCaseId);
  if (helsinkiSubmissionId) expect((await request(t.app).get(`/api/submissions/${helsinkiSubmissionId}`).set('x-jwt-token', token)).status).toBe(404);
}

describe.each(ADMINS.map((spec) => [spec.label, spec] as const))('%s', (label, spec) => {
  const admin = {
    org: spec.org,
    get token() { return signedIn.get(label)!.token; },
    get roleId() { return signedIn.get(label)!.roleId; },
  };
  const as = (test: request.Test) => test.set('x-jwt-token', admin.token);

  async function editOwnRole(extra: unknown[]) {
    const current = await as(request(t.app).get(`/api/roles/${admin.roleId}`));
    expect(current.status).toBe(200);
    return as(request(t.app).put(`/api/roles/${admin.roleId}`)).send({ rules: [...current.body.rules, ...extra], version: current.body.version });
  }

  it.each([
    ['reading every case', { action: 'read', subject: 'Case' }],
    ['reading another organisation\u2019s cases by its id', { action: 'read', subject: 'Case', conditions: { orgId: 'ORG:fi-helsinki' } }],
    ['reading the cases of the organisations above', { action: 'read', subject: ['Case', 'Submission'], conditions: { orgId: { $in: '${org.ancestorIds}' } } }],
    ['managing everything', { action: 'manage', subject: 'all' }],
    ['renaming the organisation above', { action: 'update', subject: 'Organisation', conditions: { _id: { $in: '${org.ancestorIds}' } } }],
  ])('cannot add a rule %s to its own role', async (_what, rule) => {
    const before = await rulesOf(admin.roleId);
    const resolved = JSON.parse(JSON.stringify(rule).replace(/ORG:([a-z-]+)/g, (_m, slug: string) => ids.get(slug)!));
    const response = await editOwnRole([resolved]);
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.code).toBe('grant-exceeds-holder');
    expect(response.body.problems[0].path).toBe(`rules[${before.length}]`);
    expect(await rulesOf(admin.roleId)).toEqual(before);
    await expectNothingOfOthers(admin.token);
  });

  it('cannot add a rule writing the template library, which only platform roles may hold', async () => {
    const before = await rulesOf(admin.roleId);
    const response = await editOwnRole([{ action: 'manage', subject: 'WorkflowTemplate' }]);
    const holdsLibraryReading = (await as(request(t.app).get(`/api/roles/${admin.roleId}`))).body.key === 'org-admin';
    // Reading and cloning the library is all an organisation may hold of it: whoever holds that is told the rest is
    // for platform roles only; whoever does not is refused it as beyond their own powers.
    expect(response.status).toBe(holdsLibraryReading ? 400 : 403);
    expect(response.body.problems[0]).toEqual(
      holdsLibraryReading
        ? { path: `rules[${before.length}]`, code: 'platform-only' }
        : expect.objectContaining({ path: `rules[${before.length}]`, subject: 'WorkflowTemplate' }),
    );
    expect(await rulesOf(admin.roleId)).toEqual(before);
  });

  it('cannot create a role that grants more than it holds, and the refusal names the rule', async () => {
    for (const body of [
      { key: 'everything', name: 'Everything', rules: [{ action: 'read', subject: 'Form', conditions: { orgId: '${org.id}' } }, { action: 'manage', subject: 'all' }] },
      { key: 'coordinator-copy', name: 'Coordinator', preset: 'national-coordinator' },
      { key: 'platform-copy', name: 'Platform', preset: 'platform-admin', scope: 'platform' },
    ]) {
      const response = await as(request(t.app).post('/api/roles')).send(body);
      expect([403, 404]).toContain(response.status);
      if (response.status === 403) expect(response.body.problems[0].path).toMatch(/^rules\[\d+\]$/);
      expect(await roleModel(t.db).countDocuments({ key: body.key })).toBe(0);
    }
  });

  it('cannot widen the reach of its role to the organisations below', async () => {
    const current = await as(request(t.app).get(`/api/roles/${admin.roleId}`));
    const below = { action: 'read', subject: 'Role', conditions: { orgId: { $in: '${org.descendantIds}' } } };
    const response = await as(request(t.app).put(`/api/roles/${admin.roleId}`)).send({ scope: 'subtree', rules: [...current.body.rules, below], version: current.body.version });
    // The presets' administrators look after the organisations below already; anyone else is refused.
    if (current.body.key === 'org-admin') return expect(response.status).toBe(200);
    expect(response.status).toBe(403);
    expect(response.body.problems[0].path).toBe(`rules[${current.body.rules.length}]`);
    expect((await as(request(t.app).get(`/api/roles/${admin.roleId}`))).body.scope).toBe('organisation');
  });

  it('cannot give a user the platform role, a role of another organisation, or a role beyond its own', async () => {
    const platformRole = await roleModel(t.db).findOne({ key: 'platform-admin', orgId: null }).lean();
    const platform = await as(request(t.app).post('/api/users')).send({ email: `p-${admin.org}-${admin.roleId}@test.invalid`, name: 'P', roleId: String(platformRole!._id) });
    expect(platform.status).toBe(403);
    expect(platform.body.problems[0].path).toBe('role.rules[0]');

    const foreign = await roleModel(t.db).findOne({ key: 'caseworker', orgId: await orgId(admin.org === 'fi-helsinki' ? 'fi-vantaa' : 'fi-helsinki') }).lean();
    const other = await as(request(t.app).post('/api/users')).send({ email: `o-${admin.roleId}@test.invalid`, name: 'O', roleId: String(foreign!._id) });
    // Out of its reach, the role does not exist for this administrator (400); within reach (an organisation below a
    // subtree administrator's, where it adds users), it grants case work the administrator does not hold (403).
    expect([400, 403]).toContain(other.status);
    if (other.status === 403) expect(other.body.type).toMatch(/grant-exceeds-holder$/);

    const working = await roleModel(t.db).findOne({ orgId: await orgId(admin.org), key: { $in: ['caseworker', 'national-coordinator'] } }).lean();
    const beyond = await as(request(t.app).post('/api/users')).send({ email: `w-${admin.roleId}@test.invalid`, name: 'W', roleId: String(working!._id) });
    expect(beyond.status).toBe(403);
    expect(await userModel(t.db).countDocuments({ email: { $in: [`p-${admin.org}-${admin.roleId}@test.invalid`, `o-${admin.roleId}@test.invalid`, `w-${admin.roleId}@test.invalid`] } })).toBe(0);
    await expectNothingOfOthers(admin.token);
  });
});

describe('what an administrator may still do', () => {
  it('creates a role within its own powers and gives it to a new user', async () => {
    const admin = signedIn.get('org-admin of dk-cmm')!;
    const role = await request(t.app).post('/api/roles').set('x-jwt-token', admin.token)
      .send({ key: 'designer-lite', name: 'Form editor', rules: [{ action: ['read', 'update'], subject: 'Form', conditions: { orgId: '${org.id}' } }] });
    expect(role.status).toBe(201);
    const user = await request(t.app).post('/api/users').set('x-jwt-token', admin.token).send({ email: 'editor@cmm.test.invalid', name: 'Editor', roleId: role.body.id });
    expect(user.status).toBe(201);
  });

  it('lists the organisation\u2019s own roles once each, and the platform roles only to platform administrators', async () => {
    const admin = signedIn.get('org-admin of dk-cmm')!;
    const roles = await request(t.app).get('/api/roles').set('x-jwt-token', admin.token);
    const orgIds = new Set(roles.body.map((role: { orgId: string }) => role.orgId));
    expect([...orgIds]).toEqual([ids.get('dk-cmm')]);
    const keys = roles.body.map((role: { key: string }) => role.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('platform-admin');
  });

  it('lets the platform administrator assign the platform role', async () => {
    const platform = await signIn(t, 'admin@demo.test', 'dk-cmm');
    const roles = await request(t.app).get('/api/roles').set('x-jwt-token', platform.token);
    const platformRole = roles.body.find((role: { key: string; scope: string }) => role.key === 'platform-admin' && role.scope === 'platform');
    expect(platformRole).toBeDefined();
    const user = await request(t.app).post('/api/users').set('x-jwt-token', platform.token).send({ email: 'second-admin@test.invalid', name: 'Second', roleId: platformRole.id });
    expect(user.status).toBe(201);
  });
});

describe('the boundary holds whatever the role data says', () => {
  it('confines a stored organisation role that names no organisation to its own organisation', async () => {
    // Written straight into the database, as an old version or a restored backup might have left it.
    const role = await roleModel(t.db).create({
      orgId: await orgId('fi-nas'),
      key: 'legacy-wide',
      name: 'Legacy wide role',
      rules: encodeRules([{ action: 'manage', subject: 'all' }, { action: 'read', subject: ['Case', 'Submission'] }]),
    });
    // fi-nas has Helsinki, Vantaa and Oulu below it; a role of the organisation's own scope sees none of them.
    const token = await addUser('fi-nas', 'legacy@test.invalid', role._id);
    await expectNothingOfOthers(token);
    const orgs = await request(t.app).get('/api/organisations').set('x-jwt-token', token);
    expect(orgs.body.map((org: { slug: string }) => org.slug)).toEqual(['fi-nas']);
    const users = await request(t.app).get('/api/users').set('x-jwt-token', token);
    expect(users.body.map((user: { email: string }) => user.email)).not.toContain('worker@helsinki.demo.test');
    // What it holds is confined, so handing it on stays inside too, and an organisation's role cannot hold `all`.
    const copy = await request(t.app).post('/api/roles').set('x-jwt-token', token).send({ key: 'x-all', name: 'X', rules: [{ action: 'manage', subject: 'all' }] });
    expect(copy.status).toBe(400);
    expect(copy.body.problems).toEqual([{ path: 'rules[0]', code: 'platform-only' }]);
    const wider = await request(t.app).post('/api/roles').set('x-jwt-token', token).send({ key: 'x-sub', name: 'X', scope: 'subtree', rules: [{ action: 'read', subject: 'Case' }] });
    expect(wider.status).toBe(403);
  });

  it('keeps no platform powers in any organisation\u2019s role list', async () => {
    const inOrganisations = await roleModel(t.db).find({ key: 'platform-admin' }).lean();
    expect(inOrganisations.map((role) => role.orgId ?? null)).toEqual([null]);
  });
});
