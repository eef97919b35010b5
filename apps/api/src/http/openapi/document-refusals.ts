import { ParseUUIDPipe, type INestApplication } from '@nestjs/common';
import { PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ApiResponse, DECORATORS } from '@nestjs/swagger';
import { refusalStatus, type RefusalCode } from './refusal-catalogue';
import { declaredRefusals, type Refusal } from './refusals';
import { refusalSchema } from './schemas/refusal.schema';

/** What every route with a JSON body can be refused for before its handler runs. */
const BODY_REFUSALS: RefusalCode[] = [
  'VALIDATION.FAILED',
  'HTTP.MALFORMED_JSON',
  'HTTP.PAYLOAD_TOO_LARGE',
  'HTTP.UNSUPPORTED_MEDIA_TYPE',
];

interface RouteArgument {
  index: number;
  pipes?: unknown[];
}

/**
 * Writes each route's error responses: one per status, whose `code` is the enum of the codes the
 * route declared (class and method) or implies (a JSON body, a UUID path parameter).
 */
export function documentRefusals(app: INestApplication): void {
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype, instance } of module.controllers.values()) {
      if (!metatype || !instance) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, Function>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const codes = [...declaredRefusals(metatype), ...declaredRefusals(handler), ...impliedRefusals(metatype, name)];
        describeRefusals(prototype, name, codes);
      }
    }
  }
}

function impliedRefusals(controller: Function, method: string): RefusalCode[] {
  const args = Object.entries(
    (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, RouteArgument>,
  );
  const hasBody = args.some(([key]) => key.startsWith(`${RouteParamtypes.BODY}:`));
  const hasUuid = args.some(([, argument]) => argument.pipes?.some((pipe) => pipe instanceof ParseUUIDPipe));
  return [...(hasBody ? BODY_REFUSALS : []), ...(hasUuid ? (['HTTP.BAD_REQUEST'] as const) : [])];
}

function describeRefusals(prototype: object, name: string, refusals: readonly Refusal[]): void {
  const byStatus = new Map<number, Set<RefusalCode>>();
  for (const refusal of refusals) {
    const status = refusalStatus(refusal);
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(typeof refusal === 'object' ? refusal.code : refusal));
  }
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
  // Replaced, not merged: the document may be built more than once in a process.
  const responses = {
    ...(Reflect.getMetadata(DECORATORS.API_RESPONSE, descriptor.value) as object | undefined),
  } as Record<string, unknown>;
  for (const status of byStatus.keys()) delete responses[status];
  Reflect.defineMetadata(DECORATORS.API_RESPONSE, responses, descriptor.value);
  for (const [status, group] of byStatus) {
    const sorted = [...group].sort();
    // Refusals are JSON even where the success is HTML, CSV or an event stream (ApiProduces).
    const content = { 'application/json': { schema: refusalSchema(status, sorted) } };
    ApiResponse({ status, description: `Refused: ${sorted.join(', ')}`, content })(prototype, name, descriptor);
  }
}
