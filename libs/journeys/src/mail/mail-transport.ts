import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ExpiryQueue } from '#projections';
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
  /** When the mail's link dies (ISO 8601): what is kept of the mail after that serves nobody. */
  expiresAt: string;
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
 * leaves no half file, and a resend replaces the same file: idempotent. A link that dies unused (a
 * sign-in or download link, which no event ends) is swept: the file's mtime is its link's expiry,
 * and every write and every minute removes the files past it (Art. 5(1)(e)). The folder is listed
 * once, at start; after that a sweep touches only the files that are due (an expiry queue), so a
 * send costs the same however many subjects have mail waiting.
 */
export class FileMailTransport implements MailTransport {
  private readonly builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  private readonly sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS).unref();
  /** Mail files by the instant their link dies. */
  private readonly expiries = new ExpiryQueue();

  constructor(private readonly folder: string) {
    for (const subject of listing(folder))
      for (const name of listing(join(folder, subject)).filter((n) => n.endsWith('.eml'))) {
        const path = join(folder, subject, name);
        this.expiries.schedule(path, statSync(path, { throwIfNoEntry: false })?.mtimeMs);
      }
    this.sweep();
  }

  async send(mail: OutgoingMail, slot: MailSlot): Promise<SentMail> {
    this.sweep();
    const dir = join(this.folder, segment(slot.subjectId));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const info = await this.builder.sendMail(message(mail));
    const path = join(dir, fileName(slot.file));
    writeFileSync(`${path}.tmp`, info.message as Buffer, { mode: 0o600 });
    const expires = new Date(slot.expiresAt);
    utimesSync(`${path}.tmp`, expires, expires);
    renameSync(`${path}.tmp`, path);
    this.expiries.schedule(path, expires.getTime());
    return { via: 'file', path };
  }

  forget(subjectId: string, file?: MailFile): void {
    // No file was ever written under an id that is not a UUID: nothing to remove, nothing to stall on.
    if (!UUID.test(subjectId) || (file !== undefined && !UUID.test(file.id))) return;
    const dir = join(this.folder, segment(subjectId));
    rmSync(file === undefined ? dir : join(dir, fileName(file)), { recursive: true, force: true });
  }

  close(): void {
    clearInterval(this.sweeper);
    this.builder.close();
  }

  /** Removes the mails whose link has expired, and a subject's folder once it is empty. */
  private sweep(now = Date.now()): void {
    for (const path of this.expiries.takeDue(now)) {
      // A resend may have moved the expiry on since this one was queued: the file's mtime decides.
      const mtime = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
      if (mtime === undefined) continue;
      if (mtime > now) this.expiries.schedule(path, mtime);
      else rmSync(path, { force: true });
      if (listing(dirname(path)).length === 0) rmSync(dirname(path), { recursive: true, force: true });
    }
  }
}

const SWEEP_INTERVAL_MS = 60_000;

/** A folder's entries; none when it does not exist (yet, or any more). */
function listing(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export function openMailTransport(smtpUrl: string | undefined, dataDir: string): MailTransport {
  return smtpUrl ? new SmtpMailTransport(smtpUrl) : new FileMailTransport(join(dataDir, 'outbox-mail'));
}
