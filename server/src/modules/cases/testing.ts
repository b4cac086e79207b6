// The cases module's test-support face: what only tests use. The case lists are a read model the module keeps beside
// the cases (docs/case-queries.md). Its tests check the lists' stored segments, directory and search index against a
// real FerretDB, and compare the lists' answers with the reference reads from the cases collection; the durable timers'
// and the form data's storage are read the same way. No other module needs any of this, so it stays off index.ts;
// lint lets only tests import this file.
export { compareIn, entryOf, keyIn, type CaseListEntry } from './lists/case-list-entry';
export { caseListsReady, insertEntries, rebuildCaseLists } from './lists/case-list-migration';
export { listFromLists, statsFromLists } from './lists/case-list-query';
export { mayMatch, searchText } from './lists/case-list-search';
export { expectedIndex, readIndex, searchEntries } from './lists/case-list-search-index';
export {
  applyListOps, type ListOp, readDirectory, readSearchTexts, readSegments, SEGMENT_MAX, writeBoundaryLists,
} from './lists/case-list-store';
export { repairCaseLists } from './lists/case-list-sync';
export { latestPerForm } from './service/case-form-data';
export { allCases } from './service/case-list-all.service';
export { caseStats, caseStatsFromDatabase } from './service/case-stats.service';
export { listCases, listCasesFromDatabase } from './service/case.service';
export { formDataKey } from './storage/case-form-data.model';
export { syncTimerJobs, type PlannedTimer } from './timers/case-deadlines';
export { DurableScheduler } from './timers/durable-scheduler';
export { finishedTimerJobModel, timerJobModel, type TimerJob } from './timers/timer-job.model';
export { SLOT_MS, slotOf, timerSlots } from './timers/timer-queue';
export { ensureTimerQueue } from './timers/timer-queue-migration';
