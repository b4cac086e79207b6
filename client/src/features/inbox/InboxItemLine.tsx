import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { InboxItem } from '@contracts/referrals/inbox.types';
import { deadlineKey } from '@contracts/workflows/i18n-keys.util';
import { formatDate } from '../common';
import { useReferralWords } from '../referrals';

/** One task, deadline, notification or decision on the organisation's own referral, with the link to its case. */
export function InboxItemLine({ item }: { item: InboxItem }) {
  const { t, i18n } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const words = useReferralWords();
  const caseLink = item.caseId && (
    <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>
      {item.caseReference ? t('caseDetail.title', { reference: item.caseReference }) : t('inbox.openThisCase')}
    </Link>
  );
  const text = (() => {
    if (item.kind === 'referralDecided' && item.referral) {
      return t(`inbox.decided.${item.referral.status}`, { organisation: item.referral.to.name }) + ` (${words.status(item.referral)})`;
    }
    if (item.kind === 'deadline' && item.workflowId && item.messageKey) {
      return tw(deadlineKey(item.workflowId, item.messageKey), { defaultValue: item.messageKey });
    }
    return item.messageKey ? t(item.messageKey, { defaultValue: item.messageKey }) : t(`inbox.kinds.${item.kind}`);
  })();
  return (
    <li className={[item.unread ? 'unread' : '', item.overdue ? 'overdue' : ''].join(' ').trim() || undefined}>
      {item.unread && <span className="status-tag new-tag">{t('inbox.new')}</span>} <strong>{text}</strong> {caseLink}
      {item.dueAt && (
        <>
          {' '}
          {t('caseDetail.taskDue')} <time dateTime={item.dueAt}>{formatDate(item.dueAt, i18n.language, item.kind === 'deadline')}</time>
        </>
      )}
      {item.overdue && <span className="status-tag danger">{t('cases.overdue')}</span>}
    </li>
  );
}
