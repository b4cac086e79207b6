import { useTranslation } from 'react-i18next';
import { formatDate } from '../common';

/**
 * The dates and names recorded with the workflow's steps (the decision that started the reflection period, the end of
 * its extension, the contact person), labelled as the step asked for them: `workflows:<workflow>.inputs.<name>`.
 * Values the workflow names no input for (set by other actions) are not shown here.
 */
export function CaseRecordedValues({ workflowId, dates, fields }: { workflowId?: string; dates: Record<string, string>; fields: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const { t: tw, i18n: wi } = useTranslation('workflows');
  const label = (name: string) => `${workflowId}.inputs.${name}`;
  const shown = [
    ...Object.entries(dates).map(([name, value]) => ({ name, text: formatDate(value, i18n.language) })),
    ...Object.entries(fields).filter(([, value]) => typeof value === 'string').map(([name, value]) => ({ name, text: String(value) })),
  ].filter(({ name }) => workflowId && wi.exists(label(name), { ns: 'workflows' }));
  if (shown.length === 0) return null;
  return (
    <>
      <h3>{t('caseDetail.recorded')}</h3>
      <dl className="recorded-values">
        {shown.map(({ name, text }) => (
          <div key={name}>
            <dt>{tw(label(name))}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
