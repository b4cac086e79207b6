// An organisation's members and roles found by `_id` (org-directory.ts, issue 15): FerretDB v1 answers only an `_id`
// equality from an index, so `users.find({ 'memberships.orgId' })` and `roles.find({ orgId })` read every user or role.
// The directory gives the same answers as those queries for every demo organisation, follows new users and roles, and
// is built from the stored records at the first start.
import request from 'supertest';
import { ensureOrgDirectory, membersOf, roleModel, rolesOf, userModel } from '../../server/src/modules/access';
import { organisationModel } from '../../server/src/modules/tenants';
import { createDemoApp, signIn } from '../helpers/demo-app';
import type { TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp('org_directory');
}, 120_000);
afterAll(() => t.close());

const ids = (records: Array<{ _id: unknown }>) => records.map((record) => String(record._id)).sort();

async function expectSameAsQueries() {
  const organisations = await organisationModel(t.db).find({}, { _id: 1 }).lean();
  expect(organisations.length).toBeGreaterThan(5);
  for (const { _id } of organisations) {
    expect(ids(await membersOf(t.db, _id))).toEqual(ids(await userModel(t.db).find({ 'memberships.orgId': _id }).lean()));
    expect(ids(await rolesOf(t.db, _id))).toEqual(ids(await roleModel(t.db).find({ orgId: _id }).lean()));
  }
}

async function plan(collection: string, filter: object) {
  const explained = await t.db.db!.command({ explain: { find: collection, filter }, verbosity: 'queryPlanner' });
  return { pushdown: explained.filterPushdown as boolean, plan: JSON.stringify(explained.queryPlanner) };
}

it('lists the members and roles of every demo organisation, read by `_id` from an index', async () => {
  await expectSameAsQueries();
  const helsinki = (await organisationModel(t.db).findOne({ slug: 'fi-helsinki' }).lean())!;
  const byId = await plan('org_directory', { _id: `m:${String(helsinki._id)}` });
  expect(byId.pushdown).toBe(true);
  expect(byId.plan).toMatch(/SEARCH org_directory_\w+ USING INDEX/);
  // What the directory replaces: the embedded database reads every document for these.
  expect((await plan('users', { 'memberships.orgId': helsinki._id })).pushdown).toBe(false);
  expect((await plan('roles', { orgId: helsinki._id })).pushdown).toBe(false);
});

it('follows a user and a role added through the API', async () => {
  const admin = await signIn(t, 'admin@demo.test');
  const shelter = (await organisationModel(t.db).findOne({ slug: 'mk-shelter' }).lean())!;
  const worker = (await rolesOf(t.db, shelter._id)).find((role) => role.key === 'shelter-worker')!;
  const created = await request(t.app).post('/api/users').set('x-jwt-token', admin.token)
    .send({ email: 'directory.worker@shelter.demo.test', name: 'Directory Worker', roleId: String(worker._id) });
  expect(created.status).toBe(201);
  expect((await membersOf(t.db, shelter._id)).map((user) => user.email)).toContain('directory.worker@shelter.demo.test');
  const role = await request(t.app).post('/api/roles').set('x-jwt-token', admin.token)
    .send({ key: 'directory-reader', name: 'Directory reader', rules: [] });
  expect(role.status).toBe(201);
  expect((await rolesOf(t.db, role.body.orgId as string)).map((item) => item.key)).toContain('directory-reader');
  await expectSameAsQueries();
});

it('is built from the stored users and roles at the first start, and building it again changes nothing', async () => {
  await t.db.collection('org_directory').deleteMany({});
  await ensureOrgDirectory(t.db);
  await expectSameAsQueries();
  const stored = await t.db.collection('org_directory').find({}).sort({ _id: 1 }).toArray();
  await t.db.collection('org_directory').deleteOne({ _id: 'meta' as never });
  await ensureOrgDirectory(t.db);
  expect(await t.db.collection('org_directory').find({}).sort({ _id: 1 }).toArray()).toEqual(stored);
});
