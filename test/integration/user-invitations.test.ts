// Issue 17: an administrator adds a user to another organisation with that organisation's role, and the new user
// sets their own password with a single-use, expiring invitation link whose token is stored only as a hash.
import request from 'supertest';
import { invitationModel } from '../../server/src/modules/access/testing';
import { roleModel } from '../../server/src/modules/access';
import { organisationModel } from '../../server/src/modules/tenants';
import { createDemoApp, signIn } from '../helpers/demo-app';
import type { TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp('user_invitations');
}, 120_000);
afterAll(() => t.close());

async function shelterRole(key: string) {
  const shelter = await organisationModel(t.db).findOne({ slug: 'mk-shelter' }).lean();
  return (await roleModel(t.db).findOne({ orgId: shelter!._id, key }).lean())!;
}

it('adds a user to the shelter with the shelter worker role and gives a link that sets the password once', async () => {
  const admin = await signIn(t, 'admin@demo.test');
  const role = await shelterRole('shelter-worker');
  const created = await request(t.app).post('/api/users').set('x-jwt-token', admin.token)
    .send({ email: 'new.worker@shelter.demo.test', name: 'New Worker', roleId: String(role._id) });
  expect(created.status).toBe(201);
  expect(created.body.memberships).toEqual([{ orgId: String(role.orgId), roleId: String(role._id) }]);
  const url = created.body.invitation.url as string;
  const token = url.slice(url.indexOf('#') + 1);
  expect(token.length).toBeGreaterThanOrEqual(40);
  // Only the token's hash is stored.
  expect(JSON.stringify(await invitationModel(t.db).find().lean())).not.toContain(token);

  const tooShort = await request(t.app).post('/api/auth/invitation').send({ token, password: 'short' });
  expect(tooShort.status).toBe(400);
  const set = await request(t.app).post('/api/auth/invitation').send({ token, password: 'a long enough passphrase' });
  expect(set.status).toBe(204);
  const login = await request(t.app).post('/api/auth/login').send({ email: 'new.worker@shelter.demo.test', password: 'a long enough passphrase' });
  expect(login.status).toBe(200);
  const again = await request(t.app).post('/api/auth/invitation').send({ token, password: 'someone else entirely' });
  expect(again.status).toBe(400);
  expect(again.body.code).toBe('invitation-invalid');
});

it('refuses an expired link and a role the administrator may not read', async () => {
  const admin = await signIn(t, 'admin@demo.test');
  const role = await shelterRole('legal-representative');
  const created = await request(t.app).post('/api/users').set('x-jwt-token', admin.token)
    .send({ email: 'late@shelter.demo.test', name: 'Late Reader', roleId: String(role._id) });
  const token = (created.body.invitation.url as string).split('#')[1]!;
  await invitationModel(t.db).updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1000) } });
  const expired = await request(t.app).post('/api/auth/invitation').send({ token, password: 'a long enough passphrase' });
  expect(expired.status).toBe(400);
  expect(expired.body.code).toBe('invitation-invalid');

  // Helsinki's administrator reaches no role of the shelter: the same answer as an unknown role.
  const helsinki = await signIn(t, 'admin@helsinki.demo.test');
  const refused = await request(t.app).post('/api/users').set('x-jwt-token', helsinki.token)
    .send({ email: 'intruder@shelter.demo.test', name: 'Intruder', roleId: String((await shelterRole('org-admin'))._id) });
  expect(refused.status).toBe(400);
  expect(refused.body.code).toBe('unknown-role');
});
