import { Logger } from '@nestjs/common';
import nodemailer from 'nodemailer';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Where mails go. `send` resolves once the message is accepted, and rejects otherwise. */
export abstract class MailTransport {
  abstract send(message: MailMessage): Promise<void>;
  close(): void {}
}

/**
 * Without `SMTP_URL`: mails are only written to the log (development, tests, demos). Outside
 * production the text is logged too, so someone trying Kenner on their machine can open the
 * sign-in link it holds; in production only who and what, since the text carries sign-in links
 * and personal data that logs must not keep.
 */
export class LoggingMailTransport extends MailTransport {
  private readonly logger = new Logger('Mail');

  constructor(private readonly withText = false) {
    super();
  }

  send(message: MailMessage): Promise<void> {
    const text = this.withText ? `\n${message.text.replace(/^/gm, '    ')}` : '';
    this.logger.log(`to ${message.to}: ${message.subject}${text}`);
    return Promise.resolve();
  }
}

/** Sends through the SMTP server named by `SMTP_URL` (smtp:// or smtps://, credentials inline). */
export class SmtpMailTransport extends MailTransport {
  private readonly transporter: nodemailer.Transporter;

  constructor(url: string) {
    super();
    this.transporter = nodemailer.createTransport(url);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transporter.sendMail(message);
  }

  override close(): void {
    this.transporter.close();
  }
}
