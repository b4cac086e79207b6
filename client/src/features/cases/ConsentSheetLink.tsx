import { useTranslation } from 'react-i18next';
import type { CaseView } from '@contracts/cases/case-view.types';
import { consentSheetPath } from '@contracts/person/consent-sheet.schemas';
import { isPersonLanguage } from '@contracts/person/person-languages';
import { asSubject, useSession } from '../session';
import { personLanguageName } from './CaseProfile';

/**
 * The consent and information sheet as a PDF in the person's first language (the case profile's), with their answers:
 * printed for the person to keep. A plain same-origin link, like the plan's PDF; shown only where the rules allow
 * exporting this case, as the server checks.
 */
export function ConsentSheetLink({ record }: { record: CaseView }) {
  const { t, i18n } = useTranslation();
  const { ability } = useSession();
  if (!ability.can('export', asSubject('Case', record))) return null;
  const identity = record.identity as { personLanguages?: string[] } | undefined;
  const staffLanguage = i18n.resolvedLanguage ?? i18n.language;
  const language = identity?.personLanguages?.find(isPersonLanguage) ?? (isPersonLanguage(staffLanguage) ? staffLanguage : 'en');
  const names = new Intl.DisplayNames([staffLanguage], { type: 'language', fallback: 'code' });
  return (
    <a className="button" href={consentSheetPath(record.id, language)} download>
      {t('personView.consentSheet', { language: personLanguageName(names, language) })}
    </a>
  );
}
