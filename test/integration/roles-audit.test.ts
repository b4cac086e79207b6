import request from 'supertest';
import { auditModel } from '../../server/src/modules/audit/testing';
import { loadTemplateLibrary } from '../../server/src/modules/workflows';
import { createDemoApp, signIn, type SignedIn } from '../helpers/demo-app';
import type { TestApp } from '../helpers/test-app';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createDemoApp('roles');
  await loadTemplateLibrary(t.db);
  admin = await signIn(t, 'admin@demo.test', 'fi-nas');
});
afterAll(() => t.close());

const asAdmin = (test: request.Test) => test.set('x-jwt-token', admin.token);

describe('roles are data', () => {
  it('lists every role the reader may read by organisation, each naming its organisation', async () => {
    const all = await asAdmin(request(t.app).get('/api/roles?organisations=all'));
    expect(all.status).toBe(200);
    const byOrg = new Map<string, string[]>();
    for (const role of all.body as Array<{ key: string; orgId: string | null; organisation: { slug: string; name: string } | null }>) {
      const group = role.orgId === null ? 'platform' : role.organisation!.slug;
      expect(role.orgId === null || typeof role.organisation!.name === 'string').toBe(true);
      byOrg.set(group, [...(byOrg.get(group) ?? []), role.key]);
    }
    expect(byOrg.get('fi-helsinki')).toEqual(expect.arrayContaining(['org-admin', 'caseworker']));
    expect(byOrg.get('dk-cmm')).toEqual(expect.arrayContaining(['org-admin', 'national-coordinator']));
    for (const keys of byOrg.values()) expect(new Set(keys).size).toBe(keys.length);
    // An organisation's administrator sees its own organisation's roles only.
    const helsinki = await signIn(t, 'admin@helsinki.demo.test');
    const own = await request(t.app).get('/api/roles?organisations=all').set('x-jwt-token', helsinki.token);
    expect(new Set(own.body.map((role: { organisation: { slug: string } | null }) => role.organisation?.slug))).toEqual(new Set(['fi-helsinki']));
    expect((await asAdmin(request(t.app).get('/api/roles?organisations=some'))).status).toBe(400);
  });

  it('lists the organisation\u2019s roles once each, and the platform roles apart from them', async () => {
    const roles = await asAdmin(request(t.app).get('/api/roles'));
    expect(roles.status).toBe(200);
    const keys = roles.body.map((role: { key: string }) => role.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const preset of ['org-admin', 'form-designer', 'national-coordinator', 'auditor']) expect(keys).toContain(preset);
    expect(roles.body.filter((role: { scope: string }) => role.scope === 'platform').map((role: { key: string }) => role.key)).toEqual(['platform-admin']);
    expect(roles.body.find((role: { key: string }) => role.key === 'platform-admin').orgId).toBeNull();
    // Municipalities' working roles live in the municipalities' own lists.
    expect(keys).not.toContain('caseworker');
  });

  it('creates a role from a preset and edits its rules with optimistic concurrency', async () => {
    const created = await asAdmin(request(t.app).post('/api/roles')).send({ key: 'outreach-worker', name: 'Outreach worker', preset: 'ngo-worker' });
    expect(created.status).toBe(201);
    const rules = [{ action: 'read', subject: 'Case', fields: ['reference', 'alias'], conditions: { orgId: '${org.id}', assignees: '${user.id}' } }];
    const updated = await asAdmin(request(t.app).put(`/api/roles/${created.body.id}`)).send({ rules, version: created.body.version });
    expect(updated.status).toBe(200);
    expect(updated.body.rules).toEqual([{ action: ['read'], subject: ['Case'], fields: ['reference', 'alias'], conditions: rules[0]!.conditions }]);
    const stale = await asAdmin(request(t.app).put(`/api/roles/${created.body.id}`)).send({ name: 'Renamed', version: created.body.version });
    expect(stale.status).toBe(409);
  });

  it('lets exactly one of twenty parallel edits with the same version win', async () => {
    const created = await asAdmin(request(t.app).post('/api/roles')).send({ key: 'parallel-role', name: 'Parallel', preset: 'auditor' });
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        asAdmin(request(t.app).put(`/api/roles/${created.body.id}`)).send({ name: `Edit ${index}`, version: created.body.version }),
      ),
    );
    const statuses = attempts.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
  });

  it('refuses unknown subjects, actions, fields, placeholders and operator injection, each with its path, all at once', async () => {
    const response = await asAdmin(request(t.app).post('/api/roles')).send({
      key: 'broken-role',
      name: 'Broken',
      rules: [
        { action: 'read', subject: 'Spaceship' },
        { action: 'teleport', subject: 'Case' },
        { action: 'read', subject: 'Case', fields: ['favouriteColour'] },
        { action: 'read', subject: 'Case', conditions: { orgId: '${org.secretPlans}' } },
        { action: 'read', subject: 'Case', conditions: { orgId: { $where: 'sleep(1000)' } } },
        { action: 'read', subject: 'Case', conditions: { orgId: '$gt' } },
        { action: 'read', subject: 'Case', conditions: { $or: [{ orgId: 'x' }] } },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('role-rules-invalid');
    const paths = response.body.problems.map((problem: { path: string }) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'rules[0].subject',
        'rules[1].action',
        'rules[2].fields[0]',
        'rules[3].conditions.orgId',
        'rules[4].conditions.orgId.$where',
        'rules[5].conditions.orgId',
        'rules[6].conditions.$or',
      ]),
    );
    // Nothing was stored.
    const roles = await asAdmin(request(t.app).get('/api/roles'));
    expect(roles.body.map((role: { key: string }) => role.key)).not.toContain('broken-role');
  });

  it('does not let a caseworker see or change roles', async () => {
    const worker = await signIn(t, 'worker@helsinki.demo.test');
    const roles = await request(t.app).get('/api/roles').set('x-jwt-token', worker.token);
    expect(roles.status).toBe(200);
    expect(roles.body).toEqual([]);
    const create = await request(t.app).post('/api/roles').set('x-jwt-token', worker.token).send({ key: 'sneaky', name: 'Sneaky', preset: 'platform-admin' });
    expect(create.status).toBe(404);
  });
});

describe('audit log', () => {
  it('records logins and role changes without values, readable by auditors only', async () => {
    const auditor = await signIn(t, 'auditor@nas.demo.test');
    const log = await request(t.app).get('/api/audit?limit=100').set('x-jwt-token', auditor.token);
    expect(log.status).toBe(200);
    expect(log.headers['content-range']).toMatch(/^items \d+-\d+\/\d+$/);
    const actions = log.body.items.map((entry: { action: string }) => entry.action);
    expect(actions).toContain('login');
    expect(actions).toContain('create');
    for (const entry of log.body.items) {
      expect(Object.keys(entry).sort()).toEqual(['_id', 'action', 'at', 'orgId', 'requestId', 'sensitiveFields', 'subject', 'subjectId', 'subjectType', 'userId', 'who']);
    }
    // Who signed in is named: the auditor reads the users of the organisations it audits.
    expect(log.body.items.find((entry: { action: string }) => entry.action === 'login').who).toEqual({ text: expect.any(String), detail: expect.stringMatching(/@/) });
    const filtered = await request(t.app).get('/api/audit?action=login&limit=5').set('x-jwt-token', auditor.token);
    expect(filtered.body.items.every((entry: { action: string }) => entry.action === 'login')).toBe(true);
    expect((await request(t.app).get('/api/audit?limit=abc').set('x-jwt-token', auditor.token)).status).toBe(400);
  });

  it('is 404 for roles without audit permission and cannot be changed through the API', async () => {
    const worker = await signIn(t, 'worker@vantaa.demo.test');
    expect((await request(t.app).get('/api/audit').set('x-jwt-token', worker.token)).status).toBe(404);
    const entry = await auditModel(t.db).findOne().lean();
    for (const method of ['put', 'patch', 'delete'] as const) {
      const response = await asAdmin(request(t.app)[method](`/api/audit/${String(entry!._id)}`)).send({});
      expect(response.status).toBe(404);
    }
    expect(await auditModel(t.db).countDocuments({ _id: entry!._id })).toBe(1);
  });

  it('names people and records as the reader may see them, and withholds the rest with their ids', async () => {
    const worker = await signIn(t, 'worker@helsinki.demo.test');
    const created = await request(t.app).post('/api/cases').set('x-jwt-token', worker.token)
      .send({ alias: 'Audit person', workflowId: 'finland-municipality', identity: { estimatedAge: 30, ageUncertain: false } });
    expect(created.status).toBe(201);
    const helsinki = await signIn(t, 'admin@helsinki.demo.test');
    const clone = await request(t.app).post('/api/workflows/clone').set('x-jwt-token', helsinki.token).send({ source: 'template', id: 'finland-municipality' });
    expect(clone.status).toBe(201);
    type Entry = { action: string; subjectType: string; subjectId: string | null; userId: string | null; who: unknown; subject: unknown };
    const read = async (token: string, query = '') =>
      (await request(t.app).get(`/api/audit?limit=200${query}`).set('x-jwt-token', token).set('Accept-Language', 'fi')).body.items as Entry[];
    const find = (items: Entry[], action: string, subjectType: string) => items.find((entry) => entry.action === action && entry.subjectType === subjectType)!;

    // The municipality's administrator reads its users and workflows but no case file.
    const own = await read(helsinki.token);
    const cloned = find(own, 'clone', 'Workflow');
    expect(cloned.subject).toEqual({ text: 'Suomi: kunnan auttamistyö', detail: 'finland-municipality' });
    expect(cloned.subjectId).toBe(clone.body.id);
    expect(cloned.who).toEqual({ text: expect.any(String), detail: 'admin@helsinki.demo.test' });
    const opened = own.find((entry) => entry.action === 'create' && entry.subjectType === 'Case')!;
    expect(opened.who).toEqual({ text: expect.any(String), detail: 'worker@helsinki.demo.test' });
    expect(opened.subject).toEqual({ withheld: true });
    expect(opened.subjectId).toBeNull();
    expect(JSON.stringify(own)).not.toContain(created.body.id);
    // An id the reader asked for is no secret to that reader.
    const asked = await read(helsinki.token, `&subjectId=${created.body.id}`);
    expect(asked.map((entry) => [entry.subjectId, entry.subject])).toEqual([[created.body.id, { withheld: true }]]);

    // The worker's own organisation's caseworker would see the reference; the platform administrator does.
    const platform = await read(admin.token, `&subjectId=${created.body.id}`);
    expect(platform[0]!.subject).toEqual({ text: created.body.reference });
  });
});
