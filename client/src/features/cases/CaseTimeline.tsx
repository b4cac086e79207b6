import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import type { TimelineEntry } from './case.types';
import { useEventName, useStageName } from './StageName';

export function CaseTimeline({ workflowId, entries }: { workflowId?: string; entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const stageName = useStageName(workflowId);
  const eventName = useEventName(workflowId);
  if (entries.length === 0) return <p>{t('caseDetail.noTimeline')}</p>;
  return (
    <ol className="timeline" reversed>
      {[...entries]
        .sort((a, b) => b.at.localeCompare(a.at))
        .map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{formatDate(entry.at, i18n.language, true)}</time>{' '}
            {entry.event ? eventName(entry.event) : t(`timeline.${entry.type}`, { defaultValue: entry.type })}
            {entry.formPath && <> · {entry.formPath}</>}
            {entry.entered?.length ? <> → {entry.entered.map(stageName).join(', ')}</> : null}
          </li>
        ))}
    </ol>
  );
}
