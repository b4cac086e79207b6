import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** One change of `GET /api/workflows/:id/diff`: what changed (a stage, deadline, form...), how, and where. */
export interface UpstreamChange {
  subject: string;
  change: string;
  path: string;
}

/**
 * The difference of the draft to the template it was cloned from. It appears at the foot of a long page (below the
 * form bindings): it is brought into view and focused when shown, or the administrator who asked sees nothing happen.
 */
export function UpstreamDiffList({ changes }: { changes: UpstreamChange[] }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [changes]);
  return (
    <section aria-labelledby="diff-title">
      <h2 id="diff-title" ref={heading} tabIndex={-1}>
        {t('workflowEditor.diffUpstream')}
      </h2>
      <ul className="diff">
        {changes.map((change) => (
          <li key={`${change.path}-${change.change}`} className={change.change}>
            <span className="status-tag">{t(`diff.${change.change}`, { defaultValue: change.change })}</span> {change.subject} <code>{change.path}</code>
          </li>
        ))}
        {changes.length === 0 && <li>{t('diff.none')}</li>}
      </ul>
    </section>
  );
}
