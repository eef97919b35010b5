import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** Which mail a file holds: a double opt-in request's or an export delivery's. */
export interface MailFile {
  kind: 'doi' | 'export' | 'signin';
  /** The request or delivery id. */
  id: string;
}

/** Where a mail is held: the subject's folder and the file. */
export interface MailSlot {
  subjectId: string;
  file: MailFile;
}

export interface MailTransport {
  send(mail: OutgoingMail, slot: MailSlot): Promise<SentMail>;
  /** Drops what the transport still holds of a subject's mails (one file, or all of them). */
  forget(subjectId: string, file?: MailFile): void;
  close(): void;
}

function message(mail: OutgoingMail) {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
  };
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

  /** Handed to the SMTP server: nothing is kept here. */
  forget(): void {}

  close(): void {
    this.transporter.close();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids become path segments: only UUIDs, so no id can point outside the outbox folder. */
function segment(id: string): string {
  if (!UUID.test(id)) throw new Error('mail outbox: subject and request ids must be UUIDs');
  return id;
}

function fileName(file: MailFile): string {
  return `${file.kind}-${segment(file.id)}.eml`;
}

/**
 * Development only (no SMTP_URL): each mail becomes `<folder>/<subject>/<kind>-<id>.eml`, where
 * the developer is the recipient. The file holds the address and a live link, so it lives only
 * while its link can be used: removed when the request is confirmed or expires or the download
 * link is opened, and with the subject's whole folder on erasure (Art. 17). Written to a temporary name and renamed, so a crash
 * leaves no half file, and a resend replaces the same file: idempotent.
 */
export class FileMailTransport implements MailTransport {
  private readonly builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly folder: string) {}

  async send(mail: OutgoingMail, slot: MailSlot): Promise<SentMail> {
    const dir = join(this.folder, segment(slot.subjectId));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const info = await this.builder.sendMail(message(mail));
    const path = join(dir, fileName(slot.file));
    writeFileSync(`${path}.tmp`, info.message as Buffer, { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
    return { via: 'file', path };
  }

  forget(subjectId: string, file?: MailFile): void {
    // No file was ever written under an id that is not a UUID: nothing to remove, nothing to stall on.
    if (!UUID.test(subjectId) || (file !== undefined && !UUID.test(file.id))) return;
    const dir = join(this.folder, segment(subjectId));
    rmSync(file === undefined ? dir : join(dir, fileName(file)), { recursive: true, force: true });
  }

  close(): void {
    this.builder.close();
  }
}

export function openMailTransport(smtpUrl: string | undefined, dataDir: string): MailTransport {
  return smtpUrl ? new SmtpMailTransport(smtpUrl) : new FileMailTransport(join(dataDir, 'outbox-mail'));
}
