import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { MailConfig } from '../../config/env';
import { createMailer } from '../../core/mail/mailer';
import type { ServerI18n } from '../../core/i18n/i18n';
import type { CaseNewsPort } from '../cases';
import { caseNewsMailer } from './case-news-mailer';
import { referralMailer } from './referral-mailer';
import type { ReferralNotifier } from './referral-notifier';

export interface PlatformEmails {
  /** New and decided referrals. */
  notifier: ReferralNotifier;
  /** New notifications and tasks of cases. */
  news: CaseNewsPort;
  /** Resolves once the e-mails begun so far are sent (or failed): awaited at shutdown, and by tests. */
  idle(): Promise<void>;
}

/**
 * The e-mails the server sends when SMTP is configured (main.ts and the tests build them alike), through one mailer.
 * All are sent after the answer: a slow or failing mail server never delays or fails what caused them, and a failure
 * is logged without addresses or case data. Nothing is queued or retried, so none is sent twice: a shutdown waits for
 * the e-mails under way (within its deadline), and one not sent when the process ends is not sent later; the inbox
 * holds everything an e-mail points to.
 */
export function platformEmails(db: Connection, mail: MailConfig, i18n: ServerI18n, logger: Logger): PlatformEmails {
  const mailer = createMailer(mail, logger);
  const underWay = new Set<Promise<void>>();
  const failed = (what: string) => (error: unknown) => logger.warn({ err: { message: (error as Error).message } }, `${what} could not be prepared`);
  const inFlight = (work: Promise<void>, what: string) => {
    const running = work.catch(failed(what)).finally(() => underWay.delete(running));
    underWay.add(running);
  };
  const referrals = referralMailer(db, mailer, i18n, mail.publicUrl);
  const caseNews = caseNewsMailer(db, mailer, i18n, mail.publicUrl);
  return {
    notifier: {
      referralSent: (referral) => Promise.resolve(inFlight(referrals.referralSent(referral), 'referral e-mails')),
      referralDecided: (referral) => Promise.resolve(inFlight(referrals.referralDecided(referral), 'referral e-mails')),
    },
    news: { caseNews: (news) => inFlight(caseNews(news), 'case e-mails') },
    async idle() {
      while (underWay.size > 0) await Promise.all([...underWay]);
    },
  };
}
