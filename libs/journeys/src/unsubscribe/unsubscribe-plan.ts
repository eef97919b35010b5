import { objectionKey, type RaiseObjection, type RevokeConsent, type SubjectState } from '#domain';
import type { CommandInput } from '#application';

export type UnsubscribeStep = CommandInput<RaiseObjection | RevokeConsent>;

/**
 * What one click on an unsubscribe link records, decided from the subject's state (pure).
 *
 * - The objection (Art. 21(2)-(3)) comes first: it takes effect at once, needs no grounds, and
 *   stops direct marketing for the topic whatever its legal basis (legitimate interest included).
 *   The domain scopes objections to a topic as a whole, which is the narrowest scope that covers
 *   the link's topic and channel; erring wider is the safe side for a "stop sending me this".
 * - For consent-based processing the click also withdraws the consent on that channel (Art. 7(3)),
 *   so the consent matrix no longer shows `granted` and a later reconsent starts from a clean record.
 * Nothing is planned that is already recorded: a second click changes nothing. An erased or
 * unknown subject gets nothing (there is nobody left to contact).
 */
export function unsubscribePlan(state: SubjectState, topicId: string, channel: string): UnsubscribeStep[] {
  if (state.status !== 'registered') return [];
  const plan: UnsubscribeStep[] = [];
  const scope = { kind: 'topic' as const, topicId };
  if (state.objections[objectionKey(scope)] === undefined) plan.push({ type: 'RaiseObjection', data: { scope } });
  const granted = Object.values(state.consents).some(
    (record) => record.status === 'granted' && record.scope.topicId === topicId && record.scope.channel === channel,
  );
  if (granted) plan.push({ type: 'RevokeConsent', data: { topicId, channel } });
  return plan;
}
