// The inbox (and with it the header's unread count) reads by `_id` only, from keys kept where referrals, notifications
// and cases are written (issue 15): the same reads at 100 and at 1,000 other cases, referrals and notifications, and,
// for every demo user, the same inbox as the database queries it replaces.
import { Collection, type Filter } from 'mongodb';
import { Types } from 'mongoose';
import { caseModel, caseNotificationModel, type CaseNotification, type CaseRecord } from '../../server/src/modules/cases';
import { entryOf, insertEntries, rebuildCaseLists } from '../../server/src/modules/cases/testing';
import { organisationModel } from '../../server/src/modules/tenants';
import { fileDecision, fileNotifications, fileSentReferrals, inbox, referralModel, type ReferralRecord } from '../../server/src/modules/referrals/testing';
import { api, contextOf, createCaseApp, DEMO_USERS, login, type CaseApp } from '../helpers/case-app';

jest.setTimeout(600_000);

let t: CaseApp;
beforeAll(async () => {
  t = await createCaseApp('inbox_reads', undefined, {}, { demoCases: true });
});
afterAll(() => t.close());

const DAY_MS = 86_400_000;
const elsewhere = new Types.ObjectId();
const elsewhereToo = new Types.ObjectId();
let serial = 0;

/**
 * `count` more of what is not in the measured inboxes: clones of the demo cases at another organisation, Helsinki's
 * closed cases, referrals between other organisations, notifications to another organisation. Written as a bulk
 * load would, then filed and listed by the product's own code.
 */
async function addOthers(count: number, helsinkiId: Types.ObjectId) {
  const demo = await caseModel(t.db).find({}).lean<CaseRecord[]>();
  const now = t.clock.now();
  const cases: CaseRecord[] = [];
  const referrals: ReferralRecord[] = [];
  const notifications: CaseNotification[] = [];
  for (let index = 0; index < count; index += 1) {
    serial += 1;
    const source = demo[index % demo.length]!;
    const closed = index % 2 === 0;
    const workflow = closed
      ? {
          ...source.workflow,
          snapshot: { ...source.workflow.snapshot, status: 'done' as const },
          tasks: source.workflow.tasks.map((task) => ({ ...task, status: 'done' as const })),
          deadlines: [],
          nextDueAt: null,
        }
      : source.workflow;
    cases.push({ ...source, _id: new Types.ObjectId(), orgId: closed ? helsinkiId : elsewhere, sharedWith: [], reference: `OTHR-2025-${String(serial).padStart(5, '0')}`, workflow });
    referrals.push({
      ...(await referralModel(t.db).findOne({}).lean<ReferralRecord>())!,
      _id: new Types.ObjectId(),
      caseId: cases[cases.length - 1]!._id,
      fromOrgId: elsewhereToo,
      toOrgId: elsewhere,
      status: index % 3 === 0 ? 'pending' : 'declined',
      createdAt: now,
      ...(index % 3 === 0 ? {} : { decidedAt: new Date(now.getTime() - (index % 40) * DAY_MS), decidedBy: 'someone' }),
    });
    notifications.push({ _id: new Types.ObjectId(), orgId: elsewhere, caseId: cases[cases.length - 1]!._id, role: 'caseOwner', messageKey: 'workflows:notifications.x', createdAt: now });
  }
  await caseModel(t.db).insertMany(cases, { lean: true });
  await insertEntries(t.db, cases.map(entryOf));
  await rebuildCaseLists(t.db);
  await fileSentReferrals(t.db, referrals);
  for (const referral of referrals) if (referral.decidedAt) await fileDecision(t.db, referral);
  await referralModel(t.db).insertMany(referrals);
  await fileNotifications(t.db, notifications);
  await caseNotificationModel(t.db).insertMany(notifications);
}

interface Read {
  collection: string;
  filter: unknown;
}

/** Every query the request makes, counted where the driver is called (a findOne once, not again as the find it makes). */
async function readsOf(request: () => Promise<unknown>): Promise<Read[]> {
  const reads: Read[] = [];
  let inner = false;
  const spies = (['find', 'findOne', 'countDocuments', 'aggregate', 'distinct'] as const).map((method) => {
    const original = Collection.prototype[method] as (...args: unknown[]) => unknown;
    return jest.spyOn(Collection.prototype, method).mockImplementation(function (this: Collection, ...args: unknown[]) {
      if (inner) return original.apply(this, args);
      reads.push({ collection: this.collectionName, filter: args[0] });
      inner = true;
      try {
        return original.apply(this, args);
      } finally {
        inner = false;
      }
    } as never);
  });
  try {
    await request();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return reads;
}

const isIdLookup = (filter: unknown) => {
  const id = (filter as Filter<{ _id: unknown }> | undefined)?._id;
  return typeof id === 'string' || id instanceof Types.ObjectId;
};

/**
 * The inbox of each user, and every read the inbox service makes to answer it (the request's sign-in checks come
 * from a cache that expires on its own schedule, so they are left out).
 */
async function measure(users: ReadonlyArray<readonly [string, string?]>) {
  const measured = [];
  for (const [email, org] of users) {
    const { token } = await login(t.app, email, org);
    expect((await api(t.app, token).get('/inbox')).status).toBe(200);
    const ctx = await contextOf(t.db, token);
    let view: Awaited<ReturnType<typeof inbox>> | undefined;
    const reads = await readsOf(async () => {
      view = await inbox(t.services.runtime, ctx);
    });
    measured.push({ email, items: view!.items.map((item) => item.id), unread: view!.unread, reads });
  }
  return measured;
}

const USERS = [['worker@helsinki.demo.test'], ['coordinator@nas.demo.test'], ['worker@cmm.demo.test'], ['caseworker@iom.demo.test']] as const;

it('answers the inbox from its keys as the database queries did, for every demo user', async () => {
  let shown = 0;
  for (const [email, org] of DEMO_USERS) {
    const ctx = await contextOf(t.db, (await login(t.app, email, org)).token);
    const [keyed, queried] = [await inbox(t.services.runtime, ctx, 'keys'), await inbox(t.services.runtime, ctx, 'queries')];
    expect([email, keyed]).toEqual([email, queried]);
    shown += keyed.items.length;
  }
  // The demo cases give most users something: tasks, deadlines, referrals and notifications.
  expect(shown).toBeGreaterThan(10);
});

it('reads the same documents, each by `_id`, with 100 and with 1,000 other cases, referrals and notifications stored', async () => {
  const helsinki = (await organisationModel(t.db).findOne({ slug: 'fi-helsinki' }).lean())!;
  await addOthers(100, helsinki._id);
  const small = await measure(USERS);
  // With the others stored, the inbox is still the queries' answer (and, below, the same at ten times as many
  // others: compared here, where the queries, which read every document, are ten times cheaper).
  for (const [email] of USERS) {
    const ctx = await contextOf(t.db, (await login(t.app, email)).token);
    expect([email, await inbox(t.services.runtime, ctx, 'keys')]).toEqual([email, await inbox(t.services.runtime, ctx, 'queries')]);
  }
  await addOthers(900, helsinki._id);
  expect(await caseModel(t.db).countDocuments({ orgId: elsewhere })).toBe(500);
  const large = await measure(USERS);

  for (const [index, atSmall] of small.entries()) {
    const atLarge = large[index]!;
    expect([atLarge.email, atLarge.items, atLarge.unread]).toEqual([atSmall.email, atSmall.items, atSmall.unread]);
    // Every read is a lookup by `_id` (one document at most), as many at both sizes.
    expect([atLarge.email, atLarge.reads.filter((read) => !isIdLookup(read.filter))]).toEqual([atLarge.email, []]);
    expect([atLarge.email, atLarge.reads.length]).toEqual([atSmall.email, atSmall.reads.length]);
  }
  // What each inbox cost, for the record (docs/case-queries.md).
  for (const { email, reads, items } of large) {
    const byCollection: Record<string, number> = {};
    for (const read of reads) byCollection[read.collection] = (byCollection[read.collection] ?? 0) + 1;
    process.stdout.write(`inbox of ${email} at 1,000 other cases: ${items.length} items, ${reads.length} reads by _id ${JSON.stringify(byCollection)}\n`);
  }
  expect(large.some(({ items }) => items.length > 0)).toBe(true);
});

it("reads a case's referrals by `_id` from its key, as many as the case has, with hundreds of other referrals stored", async () => {
  const helsinki = (await organisationModel(t.db).findOne({ slug: 'fi-helsinki' }).lean())!;
  // Hundreds of others: those the test above stored, or as many of its own when it runs alone.
  if ((await referralModel(t.db).countDocuments({})) <= 300) await addOthers(300, helsinki._id);
  // A demo case CMM referred to IOM for a prepared return, read by the CMM caseworker:
  const cmm = (await organisationModel(t.db).findOne({ slug: 'dk-cmm' }).lean())!;
  const referred = (await referralModel(t.db).find({}).lean<ReferralRecord[]>()).find((referral) => referral.fromOrgId.equals(cmm._id))!;
  const record = (await caseModel(t.db).findById(referred.caseId).lean<CaseRecord>())!;
  const own = await referralModel(t.db).find({ caseId: record._id }).lean<ReferralRecord[]>();
  expect(await referralModel(t.db).countDocuments({})).toBeGreaterThan(300);
  const { token } = await login(t.app, 'worker@cmm.demo.test');
  let answer: { status: number; body: { items: Array<{ id: string }> } } | undefined;
  const reads = await readsOf(async () => {
    answer = await api(t.app, token).get(`/cases/${record._id.toHexString()}/referrals`);
  });
  expect(answer!.status).toBe(200);
  // Newest first, every referral of the case the caseworker may read (all of them: the case is CMM's).
  const newestFirst = [...own].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map((referral) => referral._id.toHexString());
  expect(answer!.body.items.map((item) => item.id)).toEqual(newestFirst);
  const ofReferrals = reads.filter((read) => read.collection === 'referrals');
  expect(ofReferrals.filter((read) => !isIdLookup(read.filter))).toEqual([]);
  expect(ofReferrals).toHaveLength(own.length);
});
