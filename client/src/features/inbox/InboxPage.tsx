import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem, InboxKind, InboxView } from '@contracts/referrals/inbox.types';
import { apiSend } from '../../api/http';
import { ApiStatus, PageHeading, useApi } from '../common';
import { announceInboxChanged } from './inbox-events';
import { InboxItemLine } from './InboxItemLine';
import { ReferralDecision } from './ReferralDecision';

/** The sections of the inbox, in the order a person deals with them. */
const SECTIONS: { kind: InboxKind; title: string }[] = [
  { kind: 'referral', title: 'inbox.sections.referral' },
  { kind: 'task', title: 'inbox.sections.task' },
  { kind: 'deadline', title: 'inbox.sections.deadline' },
  { kind: 'notification', title: 'inbox.sections.notification' },
  { kind: 'referralDecided', title: 'inbox.sections.referralDecided' },
];

/** The most read marks one request carries (the API's limit). */
const MARK_BATCH = 200;

/**
 * What waits for the signed-in user in this organisation: referrals to decide, tasks, deadlines approaching, the
 * workflows' notifications and the decisions on the organisation's own referrals. Opening the page marks what it
 * shows as read (the items keep their "new" tag until the page is opened again).
 */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useApi<InboxView>('/api/inbox');
  const marked = useRef(new Set<string>());

  useEffect(() => {
    const ids = (inbox.data?.items ?? []).filter((item) => item.unread && !marked.current.has(item.id)).map((item) => item.id);
    if (ids.length === 0) return;
    ids.forEach((id) => marked.current.add(id));
    const batches = Array.from({ length: Math.ceil(ids.length / MARK_BATCH) }, (_, i) => ids.slice(i * MARK_BATCH, (i + 1) * MARK_BATCH));
    Promise.all(batches.map((batch) => apiSend('POST', '/api/inbox/read', { ids: batch }))).then(announceInboxChanged, () => undefined);
  }, [inbox.data]);

  const items = inbox.data?.items ?? [];
  const of = (kind: InboxKind): InboxItem[] => items.filter((item) => item.kind === kind);
  return (
    <section aria-labelledby="inbox-title">
      <PageHeading id="inbox-title">{t('inbox.title')}</PageHeading>
      <ApiStatus loading={inbox.loading && !inbox.data} error={inbox.error} />
      {inbox.data && items.length === 0 && <p>{t('inbox.empty')}</p>}
      {inbox.data &&
        SECTIONS.filter((section) => of(section.kind).length > 0).map((section) => (
          <section key={section.kind} className="panel inbox-section" aria-labelledby={`inbox-${section.kind}`}>
            <h2 id={`inbox-${section.kind}`}>{t(section.title)}</h2>
            {section.kind === 'referral' ? (
              of('referral').map((item) => item.referral && <ReferralDecision key={item.id} referral={item.referral} />)
            ) : (
              <ul className="inbox-items">
                {of(section.kind).map((item) => (
                  <InboxItemLine key={item.id} item={item} />
                ))}
              </ul>
            )}
          </section>
        ))}
    </section>
  );
}
