import { useTranslation } from 'react-i18next';
import type { BlockReason } from '@contracts/workflows/event-option.types';
import { useSession } from '../session';
import { useApi } from '../common';

/** Form titles in the UI language by path: the organisation's forms for their readers, else the template's title, else "a form". */
export function useFormTitles() {
  const { t, i18n } = useTranslation();
  const { ability } = useSession();
  const forms = useApi<{ items: Array<{ path: string; title: string }> }>(ability.can('read', 'Form') ? `/api/forms?lang=${encodeURIComponent(i18n.language)}` : null);
  return (path: string) => forms.data?.items.find((form) => form.path === path)?.title ?? t(`formTitles.${path}`, { defaultValue: t('events.aForm') });
}

/** A reason in words: "needs the person's consent to the National Assistance System". */
export function useReasonText() {
  const { t } = useTranslation();
  const formTitle = useFormTitles();
  return (reason: BlockReason) => {
    switch (reason.kind) {
      case 'forms':
        return t('events.needsForms', { forms: reason.forms.map(formTitle).join(', ') });
      case 'consent':
        return t('events.needsConsent', { recipient: t(`consent.recipients.${reason.recipient}`, { defaultValue: reason.recipient }) });
      case 'answer':
        return t('events.needsAnswer', { form: formTitle(reason.form) });
      default:
        return t('events.needsCondition');
    }
  };
}
