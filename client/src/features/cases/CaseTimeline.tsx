import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@contracts/cases/case-view.types';
import { formatDate } from '../common';
import { shownStages } from './case-position';
import { useFormTitles } from './event-reasons';
import { useEventName, useStageLabel } from '../workflows';

export function CaseTimeline({ workflowId, entries }: { workflowId?: string; entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const stageLabel = useStageLabel(workflowId);
  const eventName = useEventName(workflowId);
  const formTitle = useFormTitles();
  const reasonOf = (entry: TimelineEntry, group: string) => (entry.detail ? ` — ${t(`events.${group}.${entry.detail}`, { defaultValue: '' })}` : '');
  // Referrals in words: to or from which organisation, and what was decided (the purpose, or the reason of a decline).
  const referralEntry = (entry: TimelineEntry) => {
    const organisation = entry.organisation ?? t(`consent.recipients.${entry.detail ?? ''}`, { defaultValue: entry.detail ?? '' });
    if (entry.type === 'referral-accepted') return t(`timeline.referral-accepted.${entry.detail === 'transfer' ? 'transfer' : 'service'}`, { organisation });
    if (entry.type === 'referral-declined') return t('timeline.referral-declined', { organisation, reason: t(`referrals.declineReasons.${entry.detail ?? 'other'}`) });
    return t(`timeline.${entry.type}`, { organisation, defaultValue: t('timeline.other') });
  };
  const entryName = (entry: TimelineEntry) => {
    // A migration is recorded as a step of its own (`caseUpdated`) with the versions as `detail`, e.g. `1->2`.
    if (entry.type === 'migrated') {
      // `upstream:1->2`: the organisation's own workflow took the case over from the template it was cloned from.
      const detail = entry.detail ?? '';
      const fromUpstream = detail.startsWith('upstream:');
      const [from, to] = detail.replace(/^upstream:/, '').split('->');
      return t(fromUpstream ? 'timeline.migratedFromUpstream' : 'timeline.migrated', { from, to });
    }
    if (entry.type === 'shared') {
      const recipient = entry.detail ?? '';
      return t('timeline.shared', { recipient: t(`consent.recipients.${recipient}`, { defaultValue: recipient }) });
    }
    if (entry.type.startsWith('referral-')) return referralEntry(entry);
    if (entry.type === 'reopened') return t('timeline.reopened') + reasonOf(entry, 'reopenReasons');
    // A step a person took is named by its event; what the platform did by itself (a form arrived, the case was
    // updated, a re-check moved it on) by the kind of entry, never by the engine's event names.
    if (entry.type === 'event' && entry.event) return eventName(entry.event) + reasonOf(entry, 'closeReasons');
    if (entry.type === 'timer' && entry.event) return `${t('timeline.timer')}: ${eventName(entry.event)}`;
    return t(`timeline.${entry.type}`, { defaultValue: t('timeline.other') });
  };
  if (entries.length === 0) return <p>{t('caseDetail.noTimeline')}</p>;
  return (
    <ol className="timeline" reversed>
      {[...entries]
        .sort((a, b) => b.at.localeCompare(a.at))
        .map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{formatDate(entry.at, i18n.language, true)}</time>{' '}
            {entryName(entry)}
            {entry.formPath && <> · {formTitle(entry.formPath)}</>}
            {entry.entered?.length ? <> → {shownStages(entry.entered).map(stageLabel).join(', ')}</> : null}
          </li>
        ))}
    </ol>
  );
}
