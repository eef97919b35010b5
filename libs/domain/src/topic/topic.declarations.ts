import { refuse } from '../shared/error-codes';
import { requireText } from '../shared/text';
import type { AutomatedDecision, TopicDeclarations } from './topic.events';

/**
 * The declarations a purpose makes about how it treats the person (Art. 8, 21(2), 22). Only what
 * is declared is kept: `false` and absent mean the same, so a definition recorded before these
 * fields existed and a retry that sends `false` compare equal.
 */
export function validDeclarations(data: TopicDeclarations): TopicDeclarations {
  const declarations: TopicDeclarations = {};
  if (requireFlag(data.profiling, 'profiling')) declarations.profiling = true;
  if (data.automatedDecision !== undefined)
    declarations.automatedDecision = validAutomatedDecision(data.automatedDecision);
  if (requireFlag(data.offeredToChildren, 'offeredToChildren')) declarations.offeredToChildren = true;
  return declarations;
}

function requireFlag(value: unknown, field: string): boolean {
  if (value !== undefined && typeof value !== 'boolean') {
    refuse('TOPIC.DECLARATION_INVALID', `${field} must be true or false`, field);
  }
  return value === true;
}

/** Art. 15(1)(h), 13(2)(f): meaningful information about the logic and the envisaged consequences. */
function validAutomatedDecision(value: unknown): AutomatedDecision {
  if (value === null || typeof value !== 'object') {
    refuse('TOPIC.AUTOMATED_DECISION_INVALID', 'automatedDecision needs logic and consequences', 'automatedDecision');
  }
  const { logic, consequences } = value as Partial<AutomatedDecision>;
  return {
    logic: requireText(logic, 'TOPIC.AUTOMATED_DECISION_INVALID', 'automatedDecision.logic', 5_000),
    consequences: requireText(
      consequences,
      'TOPIC.AUTOMATED_DECISION_INVALID',
      'automatedDecision.consequences',
      5_000,
    ),
  };
}
