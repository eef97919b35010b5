import { Inject, Injectable } from '@nestjs/common';
import { refusal, subjectDecider, subjectStreamName } from '#domain';
import { CommandExecutor, SubjectCodec } from '#application';
import { type AppConfig, APP_CONFIG } from '#runtime';
import { PrivacyCenterLinkTokens } from './privacy-center-link-token';

/** Where the page lives; the token rides in the fragment, which no browser sends to a server or in a Referer. */
export const PRIVACY_CENTER_PATH = '/privacy-center/';

export interface PrivacyCenterLink {
  url: string;
  expiresAt: string;
}

/** Mints mail-footer links for subjects that exist (PRIVACY_CENTER_LINK_TTL_DAYS unless ttlDays says otherwise). */
@Injectable()
export class PrivacyCenterLinks {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly codec: SubjectCodec,
    private readonly tokens: PrivacyCenterLinkTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(request: { subjectId: string; ttlDays?: number }, now: Date): Promise<PrivacyCenterLink> {
    const { state } = await this.executor.load(subjectStreamName(request.subjectId), subjectDecider, this.codec);
    if (state.status !== 'registered')
      throw refusal('SUBJECT.NOT_FOUND', `no subject ${request.subjectId}`, 'subjectId');
    const days = request.ttlDays ?? this.config.privacyCenter.linkTtlDays;
    const expiresAt = Math.floor(now.getTime() / 1000) + days * 86_400;
    const token = this.tokens.sign({ subjectId: request.subjectId, expiresAt });
    return {
      url: `${this.config.journeys.publicBaseUrl}${PRIVACY_CENTER_PATH}#link=${token}`,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    };
  }
}
