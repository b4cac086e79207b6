import { useTranslation } from 'react-i18next';
import type { CaseView } from '@contracts/cases/case-view.types';
import { asSubject, useSession } from '../session';

/**
 * The plan of assistance as a PDF made by the server, in the language the user reads the page in. A plain link: the
 * browser sends the session cookie with a same-origin GET (no CSRF token is needed for a safe request), and the
 * server answers with the file as a download. Shown to users whose rules allow exporting this case.
 */
export function PlanPdfLink({ record }: { record: CaseView }) {
  const { t, i18n } = useTranslation();
  const { ability } = useSession();
  const caseId = record.id;
  // The server refuses the file without the `export` action on this case; no button that can only fail.
  if (!ability.can('export', asSubject('Case', record))) return null;
  const language = i18n.resolvedLanguage ?? i18n.language;
  const href = `/api/cases/${encodeURIComponent(caseId)}/plan.pdf?lang=${encodeURIComponent(language)}`;
  return (
    <a className="button" href={href} download>
      {t('plan.download')}
    </a>
  );
}
