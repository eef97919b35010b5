import type { RefusalAs, RefusalCode } from './refusal-catalogue';

export type Refusal = RefusalCode | RefusalAs;

const REFUSALS = 'privacy-ledger:refusals';

/**
 * Declares refusal codes of a route (on a class: of all its routes). Only collected here: the
 * error responses are written once per route by documentRefusals, which merges the codes of the
 * class, the method and what the route's parameters imply, so no decorator overwrites another's
 * response of the same status.
 */
export function Refuses(...codes: Refusal[]): MethodDecorator & ClassDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder: object = descriptor?.value ?? target;
    Reflect.defineMetadata(REFUSALS, [...declaredRefusals(holder), ...codes], holder);
  };
}

export function declaredRefusals(holder: object): Refusal[] {
  return (Reflect.getMetadata(REFUSALS, holder) as Refusal[] | undefined) ?? [];
}
