import { Logger, type INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { admitCaller } from '../auth/admit-caller';
import { ApiKeyRegistry } from '../auth/api-key-registry';
import type { RequestWithCaller } from '../auth/caller.decorator';
import { readRouteAccess } from '../auth/route-access';
import type { Role } from '../auth/roles';
import { replyWithError } from '../http/error-reply';
import { CONTACTABILITY_CHECK, ContactabilityController, subjectIdPipe } from './contactability.controller';
import { ContactabilityQueryPipe } from './contactability-query.pipe';
import { ReadYourWritesGuard } from './read-your-writes';

const ID_PARAMETER = { type: 'param', data: 'id' } as const;

/**
 * GET /subjects/:id/contactability without Nest's per-request pipeline (execution context,
 * guards' and pipes' promise chains, parameter factories, the response controller): the
 * journey engines ask it before every send. The same steps in Nest's order: ApiKeyGuard's
 * admitCaller with the route's declared roles (a @Roles route: the public rate limit skips it),
 * ReadYourWritesGuard, the method's own pipes, its handler, and the exception filter's reply.
 */
export function contactabilityCheckRoute(app: INestApplication): Record<string, RouteHandlerMethod> {
  const controller = app.get(ContactabilityController);
  const access = readRouteAccess(app.get(Reflector), controller.check, ContactabilityController);
  if (access.kind !== 'roles') throw new Error('ContactabilityController.check must declare its @Roles');
  const steps: Steps = {
    controller,
    roles: access.roles,
    registry: app.get(ApiKeyRegistry, { strict: false }),
    readYourWrites: app.get(ReadYourWritesGuard),
    queryPipe: new ContactabilityQueryPipe(),
  };
  const logger = new Logger('HttpErrors');
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return await check(steps, request);
    } catch (error) {
      replyWithError(reply, error, logger);
      return reply;
    }
  };
  return { [CONTACTABILITY_CHECK]: handler };
}

interface Steps {
  controller: ContactabilityController;
  roles: readonly Role[];
  registry: ApiKeyRegistry;
  readYourWrites: ReadYourWritesGuard;
  queryPipe: ContactabilityQueryPipe;
}

async function check(steps: Steps, request: FastifyRequest) {
  (request as RequestWithCaller).caller = admitCaller(steps.registry, steps.roles, request.headers.authorization);
  const admitted = steps.readYourWrites.admit(request.headers);
  if (admitted !== true) await admitted;
  const id = (await subjectIdPipe.transform((request.params as { id: string }).id, ID_PARAMETER)) as string;
  return steps.controller.check(id, await steps.queryPipe.transform(request.query));
}
