// Seeds a benchmark database with many cases, as bench/cases.mjs needs them: first a few real cases made through the
// services (the demo cases and some more, in several stages, in every organisation's workflow), then N clones of
// them inserted in bulk with a realistic spread (organisation, assignees, consents, sharing, age, deadlines), and
// their list entries and lists written by the same code the server's migration uses.
import { Types } from 'mongoose';

export const ORGANISATIONS = [
  { slug: 'fi-helsinki', share: 0.35, workflow: 'finland-municipality', sharedWith: 'fi-nas', shareConsent: 'nas' },
  { slug: 'fi-vantaa', share: 0.15, workflow: 'finland-municipality', sharedWith: 'fi-nas', shareConsent: 'nas' },
  { slug: 'fi-oulu', share: 0.1, workflow: 'finland-municipality', sharedWith: 'fi-nas', shareConsent: 'nas' },
  { slug: 'dk-cmm', share: 0.25, workflow: 'denmark-cmm', sharedWith: 'iom-bg', shareConsent: 'iom' },
  { slug: 'iom-bg', share: 0.15, workflow: 'iom-return', sharedWith: null, shareConsent: null },
];

const FIRST = ['Aino', 'Mira', 'Lumi', 'Dora', 'Ilona', 'Amina', 'Olena', 'Nadia', 'Sara', 'Maria', 'Elena', 'Ioana', 'Fatima', 'Liis', 'Vera', 'Hanna', 'Anna', 'Nina', 'Daria', 'Zofia', 'Iryna', 'Teodora', 'Mariam', 'Leyla', 'Ana', 'Katya', 'Gabriela', 'Rosa', 'Yasmin', 'Linh', 'Mai', 'Thu', 'Joy', 'Blessing', 'Grace', 'Chidinma', 'Ayesha', 'Noor', 'Selin', 'Eva'];
const LAST = ['Korhonen', 'Virtanen', 'Nieminen', 'Popescu', 'Ionescu', 'Horvath', 'Nagy', 'Novak', 'Petrova', 'Ivanova', 'Shevchenko', 'Bondarenko', 'Nguyen', 'Tran', 'Okafor', 'Adeyemi', 'Hansen', 'Jensen', 'Nielsen', 'Dimitrova', 'Georgieva', 'Hoxha', 'Krasniqi', 'Jovanovic', 'Petrovic', 'Stoica', 'Kovacs', 'Dvorak', 'Svoboda', 'Markovic', 'Ahmed', 'Hassan', 'Ali', 'Mohammed', 'Santos', 'Silva', 'Garcia', 'Lopez', 'Moreno', 'Rossi', 'Bianchi', 'Muller', 'Schmidt', 'Weber', 'Kowalska', 'Nowak', 'Wisniewska', 'Lindqvist', 'Berg', 'Lund', 'Holm', 'Dahl', 'Sorensen', 'Larsen', 'Pedersen', 'Olsen', 'Kask', 'Tamm', 'Saar', 'Ozturk'];

/** A small deterministic random generator (mulberry32), so every run seeds the same cases. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

/**
 * Real cases to clone: made as the demo users make them (services, sessions, rules), in several stages of each
 * workflow. Returns them by workflow key, with their form data rows.
 */
export async function makePrototypes({ db, dist, runtime, caseEvents, t, password }) {
  const { loadDemoCases } = await dist('modules/demo/demo-cases.service.js');
  const { withDemoUser } = await dist('modules/demo/demo-context.js');
  const { createCase } = await dist('modules/cases/service/case.service.js');
  const { fireCaseEvent } = await dist('modules/cases/service/case-event.service.js');
  const { caseModel } = await dist('modules/cases/storage/case.model.js');
  void password;
  await loadDemoCases(db, { runtime, caseEvents, t });
  const open = async (email, org, input, events = []) =>
    withDemoUser(db, t, email, org, async (ctx) => {
      const created = await createCase(runtime, ctx, input);
      for (const type of events) {
        try {
          await fireCaseEvent(runtime, ctx, created.id, { type, data: {} });
        } catch {
          // An event the workflow does not accept in that stage: the prototype stays where it is.
        }
      }
    });
  const consents = { police: { given: true, givenOn: '2025-01-10' }, nas: { given: true, givenOn: '2025-01-10' } };
  for (const [events, alias] of [[[], 'Fresh intake'], [['referralDeclined'], 'Declined'], [['referralDeclined', 'caseClosed', 'closeCase'], 'Closed']]) {
    await open('worker@helsinki.demo.test', 'fi-helsinki', { alias, workflowId: 'finland-municipality', consents, identity: { estimatedAge: 28, ageUncertain: false, languages: ['ro'] } }, events);
  }
  for (const [events, alias] of [[[], 'Return intake'], [['eligible', 'eligibilityConfirmed'], 'Return eligible']]) {
    await open('caseworker@iom.demo.test', 'iom-bg', { alias, workflowId: 'iom-return', identity: { estimatedAge: 33, ageUncertain: false, languages: ['bg'] } }, events);
  }
  await open('worker@cmm.demo.test', 'dk-cmm', { alias: 'CMM intake', workflowId: 'denmark-cmm', consents: { iom: { given: true, givenOn: '2025-01-10' } } }, []);
  const byWorkflow = new Map();
  for (const record of await caseModel(db).find({}).lean()) {
    const key = record.workflow.definitionId;
    if (!byWorkflow.has(key)) byWorkflow.set(key, []);
    // Submission data rows as the server keeps them (`<case>:<submission>`); the layout before kept them per form.
    const rows = [
      ...(await db.collection('case_submission_data').find({ caseId: record._id }).toArray()).map((row) => ({ collection: 'case_submission_data', row })),
      ...(await db.collection('case_form_data').find({ caseId: record._id }).toArray()).map((row) => ({ collection: 'case_form_data', row })),
    ];
    byWorkflow.get(key).push({ record, rows });
  }
  return byWorkflow;
}

/**
 * Inserts `count` clones of the prototypes, spread over the organisations, with their list entries; then writes every
 * list. `formData`: also copy each prototype's submission data rows (what workflow guards read on the case page).
 */
export async function seedCases({ db, dist, prototypes, count, now, formData, progress }) {
  const { caseModel } = await dist('modules/cases/storage/case.model.js');
  const { organisationModel } = await dist('modules/tenants/organisation.model.js');
  const { userModel } = await dist('modules/access/user.model.js');
  // A build without case lists (the code before issue 15, for the figures before) gets the cases only.
  const lists = await Promise.all([dist('modules/cases/lists/case-list-entry.js'), dist('modules/cases/lists/case-list-migration.js')]).catch(() => null);
  const next = random(20_261_206);
  const pick = (items) => items[Math.floor(next() * items.length)];
  const orgs = [];
  for (const spec of ORGANISATIONS) {
    const org = await organisationModel(db).findOne({ slug: spec.slug }).lean();
    const members = await userModel(db).find({ 'memberships.orgId': org._id }, { _id: 1 }).lean();
    const sharedWith = spec.sharedWith ? String((await organisationModel(db).findOne({ slug: spec.sharedWith }).lean())._id) : null;
    // About thirty caseworkers per organisation: the demo users and colleagues who exist only as assignees.
    const staff = [...members.map((member) => String(member._id)), ...Array.from({ length: 30 - Math.min(members.length, 29) }, () => new Types.ObjectId().toHexString())];
    orgs.push({ ...spec, org, staff, sharedWithId: sharedWith, code: (spec.slug.split('-').pop() ?? spec.slug).slice(0, 4).toUpperCase(), seq: new Map() });
  }
  const weights = orgs.map((org) => org.share);
  const chooseOrg = () => {
    let roll = next() * weights.reduce((a, b) => a + b, 0);
    for (const org of orgs) if ((roll -= org.share) <= 0) return org;
    return orgs[orgs.length - 1];
  };
  const BATCH = 1000;
  const timing = { cases: 0, rows: 0, entries: 0, lists: 0, total: 0 };
  let done = 0;
  while (done < count) {
    const docs = [];
    const rows = [];
    for (let index = 0; index < Math.min(BATCH, count - done); index += 1) {
      const org = chooseOrg();
      const { record, rows: protoRows } = pick(prototypes.get(org.workflow));
      const created = now - Math.floor(next() * 3 * 365 * DAY);
      const updated = Math.min(now, created + Math.floor(next() * 90 * DAY));
      const year = new Date(created).getUTCFullYear();
      // Numbers from 1000 on: the prototypes made through the services hold the first ones of this year.
      const seq = (org.seq.get(year) ?? 999) + 1;
      org.seq.set(year, seq);
      const id = new Types.ObjectId();
      const consents = { ...(record.consents ?? {}) };
      const fiOrg = org.slug.startsWith('fi-');
      if (fiOrg) consents.police = { given: next() < 0.4, givenOn: '2025-01-10' };
      const shared = org.sharedWithId && next() < 0.1;
      if (shared) consents[org.shareConsent] = { given: true, givenOn: '2025-01-10' };
      const roll = next();
      const assignees = roll < 0.05 ? [] : roll < 0.1 ? [pick(org.staff), pick(org.staff)] : [pick(org.staff)];
      const active = record.workflow.snapshot.status !== 'done';
      const due = active && next() < 0.7 ? new Date(now + Math.floor((next() * 80 - 20) * DAY)) : null;
      const rest = { ...record };
      delete rest.eventKeys;
      docs.push({
        ...structuredClone(rest),
        _id: id,
        orgId: org.org._id,
        reference: `${org.code}-${year}-${String(seq).padStart(5, '0')}`,
        alias: `${pick(FIRST)} ${pick(LAST)}`,
        assignees: [...new Set(assignees)],
        consents,
        sharedWith: shared ? [org.sharedWithId] : [],
        workflow: { ...structuredClone(record.workflow), nextDueAt: due, deadlines: due ? record.workflow.deadlines.map((deadline) => ({ ...deadline, dueAt: due })) : [] },
        version: Math.floor(next() * 12),
        createdBy: assignees[0] ?? org.staff[0],
        createdAt: new Date(created),
        updatedAt: new Date(updated),
      });
      if (formData) {
        for (const { collection, row } of protoRows) {
          rows.push({ collection, row: { ...row, _id: collection === 'case_submission_data' ? `${id.toHexString()}:${row.submissionId}` : new Types.ObjectId(), caseId: id } });
        }
      }
    }
    const t0 = Date.now();
    await caseModel(db).insertMany(docs, { ordered: false, lean: true });
    timing.cases += Date.now() - t0;
    const t1 = Date.now();
    for (const collection of new Set(rows.map((item) => item.collection))) {
      await db.collection(collection).insertMany(rows.filter((item) => item.collection === collection).map((item) => item.row), { ordered: false });
    }
    timing.rows += Date.now() - t1;
    const t2 = Date.now();
    if (lists) await lists[1].insertEntries(db, docs.map((doc) => lists[0].entryOf(doc)));
    timing.entries += Date.now() - t2;
    done += docs.length;
    progress?.(`  seeded ${done} of ${count} cases`);
  }
  const t3 = Date.now();
  if (lists) await lists[1].rebuildCaseLists(db);
  timing.lists += Date.now() - t3;
  progress?.(`  seed time: cases ${timing.cases} ms, submission data ${timing.rows} ms, entries ${timing.entries} ms, lists ${timing.lists} ms`, true);
}
