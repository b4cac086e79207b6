import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';
import { useApi } from '../common/use-api';

/** Why the server says an event cannot be taken now (server/src/modules/workflows/engine/event-blockers.ts). */
export type BlockReason =
  | { kind: 'forms'; forms: string[] }
  | { kind: 'consent'; recipient: string }
  | { kind: 'answer'; form: string }
  | { kind: 'condition' };

export interface BlockedEvent {
  type: string;
  reasons: BlockReason[];
}

/** What the case page reads beyond the case itself: events not offered and the events that end the case. */
export interface EventExtras {
  blockedEvents?: BlockedEvent[];
  endingEvents?: string[];
}

/** Reasons for ending a case and for opening it again: keys, shown in words, stored in the timeline. */
export const CLOSE_REASONS = ['assistanceCompleted', 'personDeclined', 'movedAway', 'contactLost', 'referredElsewhere', 'other'] as const;
export const REOPEN_REASONS = ['newInformation', 'personReturned', 'closedByMistake', 'other'] as const;

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
