import type { ErasureInput } from '#application';
import type { CallerIdentity } from '../auth';

/**
 * A CRM erases only on the subject's own request, so its erasures name that request; a dpo or
 * admin may also erase on the controller's own initiative (e.g. unlawful processing, Art. 17(1)(d)).
 */
export function erasureInput(caller: CallerIdentity, requestId: string | undefined): ErasureInput {
  const controller = caller.roles.includes('dpo') || caller.roles.includes('admin');
  if (requestId !== undefined || !controller) return { cause: 'data_subject_request', requestId };
  return { cause: 'controller' };
}
