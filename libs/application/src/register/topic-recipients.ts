import type { OperationalStore } from '#read-store';
import type { Recipient } from './processing-facts';

/** The journeys' webhook registrations (configuration, deletable): read here for the recipients. */
export const WEBHOOK_COLLECTION = 'journey_webhooks';

/** What a recipient listing reads of a registration; never its secret. */
interface Registration {
  id: string;
  url: string;
  filter?: { topics?: string[] };
}

/**
 * Art. 15(1)(c), 30(1)(d): a topic's recipients are the registered webhooks whose filter admits its
 * events (no topic filter admits every topic). Named by host and id: a URL's path or query may hold a token.
 */
export async function webhookRecipients(store: OperationalStore): Promise<(topicId: string) => Recipient[]> {
  const hooks: Registration[] = [];
  let after: string | undefined;
  do {
    const page = await store.find<Registration & Record<string, unknown>>(
      WEBHOOK_COLLECTION,
      {},
      { after, limit: 1000 },
    );
    hooks.push(...page.items.map((item) => item.doc));
    after = page.next;
  } while (after !== undefined);
  return (topicId) =>
    hooks
      .filter((hook) => !hook.filter?.topics?.length || hook.filter.topics.includes(topicId))
      .map((hook) => ({ kind: 'webhook' as const, name: `${hostOf(hook.url)} (webhook ${hook.id})` }));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unparseable url';
  }
}
