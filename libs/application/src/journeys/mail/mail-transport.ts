import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  /** Derived from the event id: a resend after a crash carries the same Message-ID. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
}

/** Where a mail went, for the log: never the address. */
export interface SentMail {
  via: 'smtp' | 'file';
  /** The .eml file in file mode. */
  path?: string;
}

export interface MailTransport {
  send(mail: OutgoingMail, fileStem: string): Promise<SentMail>;
  close(): void;
}

function message(mail: OutgoingMail) {
  return { messageId: mail.messageId, from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' } };
}

/** SMTP via nodemailer (SMTP_URL). */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(url: string) {
    this.transporter = createTransport(url);
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    await this.transporter.sendMail(message(mail));
    return { via: 'smtp' };
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * Embedded mode without SMTP: each mail becomes `<folder>/<fileStem>.eml`. Written to a temporary
 * name and renamed, so a crash leaves no half file, and a resend replaces the same file: idempotent.
 */
export class FileMailTransport implements MailTransport {
  private readonly builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly folder: string) {}

  async send(mail: OutgoingMail, fileStem: string): Promise<SentMail> {
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    const info = await this.builder.sendMail(message(mail));
    const path = join(this.folder, `${fileStem}.eml`);
    writeFileSync(`${path}.tmp`, info.message as Buffer, { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
    return { via: 'file', path };
  }

  close(): void {
    this.builder.close();
  }
}

export function openMailTransport(smtpUrl: string | undefined, dataDir: string): MailTransport {
  return smtpUrl ? new SmtpMailTransport(smtpUrl) : new FileMailTransport(join(dataDir, 'outbox-mail'));
}
