import type { FastifyRequest } from 'fastify';
import { PRIVACY_CENTER_ACTOR, type CommandContext, type SelfServiceAct } from '#application';

/**
 * One click as evidence: the client's IP (Fastify honours TRUST_PROXY), its user agent, and the
 * Global Privacy Control signal (`Sec-GPC: 1`); every event names the Privacy Center as its actor.
 */
export function selfServiceAct(context: CommandContext, request: FastifyRequest): SelfServiceAct {
  const agent = request.headers['user-agent'];
  return {
    context: { ...context, actor: PRIVACY_CENTER_ACTOR },
    ipAddress: request.ip,
    userAgent: typeof agent === 'string' ? agent : undefined,
    globalPrivacyControl: request.headers['sec-gpc'] === '1',
  };
}
