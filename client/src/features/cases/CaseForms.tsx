import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseView } from '@contracts/cases/case-view.types';
import { stageIndex } from '@contracts/workflows/stage-tree.util';
import type { WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';
import { itemsOf } from '../../api/http';
import { formatDate, useApi } from '../common';
import { useSession } from '../session';

interface SubmissionSummary {
  id: string;
  formPath: string;
  createdAt: string;
}

interface FormSummary {
  id: string;
  path: string;
  title: string;
  publishedRevision: number | null;
}

/**
 * The forms the current stages require (`workflow.requiredForms`), the submissions made for the case that the user
 * may read (`GET /api/submissions?caseId=`), and any other published form of the organisation to fill in for this case.
 */
export function CaseForms({ record, definition }: { record: CaseView; definition?: WorkflowDefinition }) {
  const { t, i18n } = useTranslation();
  const { ability } = useSession();
  const navigate = useNavigate();
  const mayFill = ability.can('create', 'Submission');
  // Titles come in the UI language where the form's published revision has them translated.
  const forms = useApi<{ items: FormSummary[] }>(ability.can('read', 'Form') ? `/api/forms?lang=${encodeURIComponent(i18n.language)}` : null);
  const published = itemsOf(forms.data).filter((form) => form.publishedRevision !== null);
  // Readers who may not open forms (the police liaison) still read a template form's title in their language.
  const titleOf = (path: string) => published.find((form) => form.path === path)?.title ?? t(`formTitles.${path}`, { defaultValue: path });
  const [other, setOther] = useState('');
  const submittedPaths = new Set((record.workflow?.submissions ?? []).map((submission) => submission.formPath));
  const stages = definition ? stageIndex(definition) : undefined;
  const byStage = (record.workflow?.activeStages ?? []).flatMap((path) => {
    const stage = stages?.get(path)?.stage;
    return stage && stage.type !== 'final' ? (stage.requiredForms ?? []) : [];
  });
  // Forms the stages require and forms an action asked for (a consent request asks for the consent form) are both
  // done once the case holds a submission of them: a consent asked for later (the legal representative's, on the
  // child branch) is shown as requested in the Consents panel, not as the whole form again.
  const required = [...new Set([...byStage, ...(record.workflow?.requiredForms ?? [])])].filter((path) => !submittedPaths.has(path));
  const listed = useApi<{ items: SubmissionSummary[] }>(ability.can('read', 'Submission') ? `/api/submissions?caseId=${encodeURIComponent(record.id)}` : null);
  const submissions = itemsOf(listed.data);
  const formLink = (path: string) => `/cases/${record.id}/forms/${encodeURIComponent(path)}`;

  return (
    <div>
      <h3 id={`required-forms-${record.id}`}>{t('caseDetail.requiredForms')}</h3>
      {required.length ? (
        <ul aria-labelledby={`required-forms-${record.id}`}>
          {required.map((path) => (
            <li key={path}>{mayFill ? <Link to={formLink(path)}>{titleOf(path)}</Link> : titleOf(path)}</li>
          ))}
        </ul>
      ) : (
        <p>{t('caseDetail.noForms')}</p>
      )}
      <h3 id={`submitted-forms-${record.id}`}>{t('caseDetail.submissions')}</h3>
      {submissions.length ? (
        <ul aria-labelledby={`submitted-forms-${record.id}`}>
          {submissions.map((submission) => (
            <li key={submission.id}>
              <Link to={`/cases/${record.id}/submissions/${submission.id}`}>{titleOf(submission.formPath)}</Link>{' '}
              <time dateTime={submission.createdAt}>{formatDate(submission.createdAt, i18n.language, true)}</time>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('caseDetail.noSubmissions')}</p>
      )}
      {mayFill && published.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (other) void navigate(formLink(other));
          }}
        >
          <div className="field">
            <label htmlFor={`other-form-${record.id}`}>{t('caseDetail.otherForm')}</label>
            <select id={`other-form-${record.id}`} value={other} onChange={(event) => setOther(event.target.value)}>
              <option value="">—</option>
              {published.map((form) => (
                <option key={form.id} value={form.path}>
                  {form.title} ({form.path})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={!other}>
            {t('caseDetail.fillIn')}
          </button>
        </form>
      )}
    </div>
  );
}
