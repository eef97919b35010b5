import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';

export type Schema = SchemaObject | ReferenceObject;

export const text: SchemaObject = { type: 'string' };
export const integer: SchemaObject = { type: 'integer' };
export const number: SchemaObject = { type: 'number' };
export const flag: SchemaObject = { type: 'boolean' };
export const time: SchemaObject = { type: 'string', format: 'date-time' };
export const uuid: SchemaObject = { type: 'string', format: 'uuid' };
export const hash: SchemaObject = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256, hex' };
/** Any JSON value: for parts whose shape belongs to the event or the read model that carries it. */
export const anything: SchemaObject = {};
export const texts: SchemaObject = { type: 'array', items: text };

export function list(items: Schema, description?: string): SchemaObject {
  return { type: 'array', items, ...(description ? { description } : {}) };
}

export function oneOfValues(values: readonly string[], description?: string): SchemaObject {
  return { type: 'string', enum: [...values], ...(description ? { description } : {}) };
}

export function mapOf(values: Schema, description?: string): SchemaObject {
  return { type: 'object', additionalProperties: values, ...(description ? { description } : {}) };
}

/** An object with the fields it always has and those it may have; further fields may follow. */
export function object(
  required: Record<string, Schema>,
  optional: Record<string, Schema> = {},
  description?: string,
): SchemaObject {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    required: Object.keys(required),
    properties: { ...required, ...optional },
  };
}

export function ref(name: string): ReferenceObject {
  return { $ref: `#/components/schemas/${name}` };
}

/** A command's answer with the ids it created beside it. */
export function commandAnd(extra: Record<string, Schema>, optional: Record<string, Schema> = {}): SchemaObject {
  return { allOf: [ref('CommandResponse'), object(extra, optional)] };
}
