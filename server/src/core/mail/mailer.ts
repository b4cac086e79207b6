import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { MailConfig } from '../../config/env';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends plain-text e-mails; failures are logged (without the addresses) and never reach the request that caused them. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** A mailer over the SMTP server at `config.smtpUrl` (nodemailer; `smtps://` for implicit TLS, STARTTLS otherwise when offered). */
export function createMailer(config: MailConfig, logger: Logger): Mailer {
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(message) {
      try {
        await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        logger.warn({ err: { message: (error as Error).message, code: (error as { code?: string }).code } }, 'an e-mail notification could not be sent');
      }
    },
  };
}
