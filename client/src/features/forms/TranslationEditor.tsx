import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translatableStrings } from '@contracts/forms/translatable-strings-collector';
import { apiSend, ApiError } from '../../api/http';
import { STAFF_LANGUAGES } from '../../staff-languages';
import type { FormDetail } from './form.types';
import { localeOf } from '../common';

/** Source (English) and target side by side; missing translations are highlighted and counted. */
export function TranslationEditor({ form, onSaved }: { form: FormDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [language, setLanguage] = useState('fi');
  // The strings the server checks a form's translations against, the title first.
  const strings = useMemo(() => translatableStrings(form.definition), [form.definition]);
  const [drafts, setDrafts] = useState<Record<string, Record<string, string>>>(() => structuredClone(form.translations ?? {}));
  const [status, setStatus] = useState<string>();
  const target = drafts[language] ?? {};
  const missing = strings.filter((text) => !target[text]?.trim()).length;

  async function save() {
    try {
      await apiSend('PUT', `/api/forms/${form.id}/translations/${language}`, { strings: target, version: form.version });
      setStatus(t('forms.translationsSaved'));
      onSaved();
    } catch (failure) {
      setStatus(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure));
    }
  }

  return (
    <div>
      <div className="field">
        <label htmlFor={`${id}-lng`}>{t('forms.targetLanguage')}</label>
        <select id={`${id}-lng`} value={language} onChange={(event) => setLanguage(event.target.value)}>
          {STAFF_LANGUAGES.filter((lng) => lng !== 'en').map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {new Intl.DisplayNames([localeOf(lng)], { type: 'language' }).of(lng)}
            </option>
          ))}
        </select>
      </div>
      <p role="status">{t('forms.missingCount', { count: missing, total: strings.length })}</p>
      <table className="data-table translations">
        <thead>
          <tr>
            <th scope="col">{t('forms.source')}</th>
            <th scope="col">{t('forms.translation')}</th>
          </tr>
        </thead>
        <tbody>
          {strings.map((text, index) => {
            const value = target[text] ?? '';
            const isMissing = !value.trim();
            return (
              <tr key={text} className={isMissing ? 'missing' : undefined}>
                <th scope="row" lang="en" id={`${id}-src-${index}`}>
                  {text}
                </th>
                <td>
                  <textarea
                    lang={language}
                    aria-labelledby={`${id}-src-${index}`}
                    aria-describedby={isMissing ? `${id}-missing` : undefined}
                    value={value}
                    rows={Math.min(4, Math.ceil(text.length / 60))}
                    onChange={(event) => setDrafts({ ...drafts, [language]: { ...target, [text]: event.target.value } })}
                  />
                  {isMissing && <span className="status-tag warning">{t('forms.missing')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <span id={`${id}-missing`} hidden>
        {t('forms.missing')}
      </span>
      <button type="button" className="primary" onClick={() => void save()}>
        {t('common.save')}
      </button>
      {status && <p role="status">{status}</p>}
    </div>
  );
}
