import type { Command } from '../shared/message';
import type { SubjectContext } from './subject.context';

/** Links an id of another system, or corrects the one linked for that system (Art. 16). */
export type LinkExternalId = Command<'LinkExternalId', { system: string; id: string }, SubjectContext>;

export type UnlinkExternalId = Command<'UnlinkExternalId', { system: string }, SubjectContext>;

export type ExternalIdCommand = LinkExternalId | UnlinkExternalId;
