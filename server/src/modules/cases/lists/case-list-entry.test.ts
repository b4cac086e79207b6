import { inList, listsOf, type CaseListEntry } from './case-list-entry';
import { listChanges } from './case-list-sync';

// Every change of a case rewrites each list it is in (the entry moves to the head of every list in last-change
// order), so the number of lists a case is in is the cost of every write. A person in the Finnish municipality's
// assistance is in 54 stage paths at once (one per service track and its state): they must not make 54 lists.

const ORG = '65f00000000000000000000a';
const BOUNDARY = `o:${ORG}`;
const TRACKS = ['legalAssistance', 'therapy', 'medicalAssistance', 'languageCourses', 'safeAccommodation', 'mentorship', 'jobPlacement', 'dayCare', 'compensation', 'socialNetwork'];

function entry(stages: string[], updated = 1): CaseListEntry {
  return { i: '65f0000000000000000000b1', v: 1, o: ORG, r: 'HELS-2026-00001', a: 'Aino', as: ['u1'], sw: [], cg: ['nas'], st: stages, s: 'active', d: 5, u: updated, c: 0, tk: [] };
}

const inAssistance = ['assistance', 'assistance/plan', 'assistance/plan/approved', 'assistance/plan/approved/inEffect', ...TRACKS.flatMap((track) => [`assistance/${track}`, `assistance/${track}/notStarted`])];

it('lists a case in parallel tracks under its top-level stage only, as many lists as a case in one stage', () => {
  const tracked = listsOf(entry(inAssistance), BOUNDARY);
  expect(tracked).toEqual(listsOf(entry(['intake']), BOUNDARY).map((list) => list.replace('intake', 'assistance')));
  expect(tracked.filter((list) => list.startsWith('st:'))).toEqual(['st:assistance']);
  // Every list the case is in agrees with the rule the queries check entries by.
  for (const list of tracked) expect(inList(entry(inAssistance), BOUNDARY, list)).toBe(true);
});

it('lists a case under a top-level stage it is not itself in (as stored cases may be) under that stage', () => {
  const lists = listsOf(entry(['closure/archived']), BOUNDARY);
  expect(lists).toContain('top:closure');
  expect(lists.some((list) => list.startsWith('st:'))).toBe(false);
});

it('changes the same few lists for an event whether the case is in one stage or in ten tracks', () => {
  const ops = (stages: string[]) => listChanges(entry(stages, 1), entry(stages, 2)).get(BOUNDARY)!.length;
  expect(ops(inAssistance)).toBe(ops(['intake']));
  expect(ops(inAssistance)).toBeLessThanOrEqual(10);
});
