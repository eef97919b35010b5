import type { EmailDirectory } from '#application';
import type { JourneySettings } from '#runtime';
import type { MailTransport } from '../mail/mail-transport';
import { messageIdFor } from '../mail/mail-outbox';
import { PRIVACY_CENTER_PATH } from './privacy-center-links';
import { signInMail } from './sign-in-mail-template';
import type { SignInTokens } from './sign-in-tokens';

export interface SignInDeps {
  directory: EmailDirectory;
  tokens: SignInTokens;
  transport: MailTransport;
  settings: JourneySettings;
  log: (line: string) => void;
  now?: () => Date;
}

/**
 * "Mail me a sign-in link": the answer goes out before anything is looked up, so a known and an
 * unknown address get the same bytes after the same work (nothing tells whether someone is a
 * customer). Off the response path, each subject holding the address gets a single-use link to that
 * very address. Log lines name the sign-in id, never the address; a failed send is logged and the
 * person asks again (the token exists only in memory and in the mail).
 */
export class PrivacyCenterSignIn {
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly deps: SignInDeps) {}

  request(email: string, locale: string | undefined): void {
    const run = () =>
      this.mail(email, locale).catch((error: unknown) => {
        const { name, code } = error as { name?: string; code?: string };
        this.deps.log(`privacy center sign-in mail failed: ${code ?? name ?? 'error'}`);
      });
    this.pending = this.pending.then(() => new Promise<void>((resolve) => setImmediate(() => run().then(resolve))));
  }

  /** A used link's mail holds nothing live any more: what the transport keeps of it goes (file mode). */
  forgetMail(subjectId: string, signInId: string): void {
    this.deps.transport.forget(subjectId, { kind: 'signin', id: signInId });
  }

  /** Resolves once every sign-in asked for so far is mailed or given up (shutdown, tests). */
  settled(): Promise<void> {
    return this.pending;
  }

  private async mail(email: string, locale: string | undefined): Promise<void> {
    for (const holder of await this.deps.directory.holders(email)) {
      const issued = await this.deps.tokens.issue(holder.subjectId, holder.contactPointId, this.now());
      const link = `${this.deps.settings.publicBaseUrl}${PRIVACY_CENTER_PATH}#signin=${issued.token}`;
      const content = signInMail({ locale: locale ?? holder.locale, link, expiresAt: issued.expiresAt });
      const mail = {
        ...content,
        messageId: messageIdFor(issued.signInId, this.deps.settings.mailFrom, 'signin'),
        from: this.deps.settings.mailFrom,
        to: holder.address,
      };
      await this.deps.transport.send(mail, {
        subjectId: holder.subjectId,
        file: { kind: 'signin', id: issued.signInId },
        expiresAt: issued.expiresAt,
      });
      this.deps.log(`privacy center sign-in mail ${issued.signInId} sent`);
    }
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
