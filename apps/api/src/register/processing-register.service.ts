import { Inject, Injectable } from '@nestjs/common';
import { webhookRecipients } from '#application';
import { EVENT_STORE, OPERATIONAL_STORE, READ_STORE } from '#runtime';
import { AUDIT_ANCHOR_STREAM } from '#domain';
import type { EventStore } from '#event-store';
import { TOPICS, topicsModel, type TopicDocument } from '#projections';
import type { OperationalStore, ReadStore } from '#read-store';
import { CONTROLLER_SETTINGS, type ControllerSettings } from './controller-settings';
import { activityOf, type ProcessingActivity, type ProcessingRegister } from './processing-register';
import { safeguards } from './safeguards';

const PAGE = 1000;

/**
 * Generates the record of processing activities (Art. 30) from the ledger itself: one activity
 * per topic of the topics read model, the safeguards the ledger applies, and the controller.
 */
@Injectable()
export class ProcessingRegisterService {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(OPERATIONAL_STORE) private readonly state: OperationalStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CONTROLLER_SETTINGS) private readonly controller: ControllerSettings,
  ) {}

  async generate(): Promise<ProcessingRegister> {
    const position = await this.readStore.getCheckpoint(topicsModel.name);
    const anchors = await this.eventStore.readStream(AUDIT_ANCHOR_STREAM, { direction: 'backwards', maxCount: 1 });
    const measures = safeguards(anchors.length > 0);
    const ids = measures.filter((m) => m.inPlace).map((m) => m.id);
    const recipients = await webhookRecipients(this.state);
    const activities = (await this.topicStates()).map((state) =>
      activityOf(state, recipients(state.definition.topicId), ids),
    );
    return {
      controller: this.controller,
      generatedAt: new Date().toISOString(),
      position,
      activities,
      safeguards: measures,
      notes: this.notes(activities),
    };
  }

  private async topicStates() {
    const states = [];
    let after: string | undefined;
    do {
      const page = await this.readStore.find<TopicDocument>(TOPICS, {}, { after, limit: PAGE });
      for (const { doc } of page.items) if (doc.state.status !== 'not_defined') states.push(doc.state);
      after = page.next;
    } while (after !== undefined);
    return states;
  }

  private notes(activities: ProcessingActivity[]): string[] {
    const notes = [
      // Art. 30(1)(d): only recipients registered in the ledger can be listed from it.
      'recipients: the webhooks registered in the ledger whose filter admits the topic; processors outside it (e.g. the SMTP relay sending double opt-in mails, the CRM) must be added by the controller',
    ];
    if (this.controller.name === null || this.controller.contact === null)
      notes.push('controller: set CONTROLLER_NAME and CONTROLLER_CONTACT (Art. 30(1)(a))');
    if (activities.every((a) => a.recipients.length === 0))
      notes.push('no webhook is registered: no topic has a recipient in the ledger');
    if (activities.length === 0) notes.push('no topics are defined yet');
    return notes;
  }
}
