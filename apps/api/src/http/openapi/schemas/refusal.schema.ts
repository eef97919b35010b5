import type { SchemaObject } from '@nestjs/swagger';

/** The one error body of the api (see error-body.ts). */
export const REFUSAL_SCHEMA: SchemaObject = {
  type: 'object',
  description:
    'A refusal: the status, its reason phrase, a stable code and a message; validation failures name each broken rule.',
  required: ['statusCode', 'error', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 404 },
    error: { type: 'string', description: 'The HTTP reason phrase', example: 'Not Found' },
    code: { type: 'string', description: 'Stable and machine-readable', example: 'SUBJECT.NOT_FOUND' },
    message: { type: 'string' },
    field: { type: 'string', description: 'The input field the refusal is about, when there is one' },
    violations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'rule', 'message'],
        properties: {
          field: { type: 'string', example: 'evidence.affirmativeAction' },
          rule: { type: 'string', example: 'isBoolean' },
          message: { type: 'string' },
        },
      },
    },
  },
};

/** The refusal of one status, its `code` narrowed to the codes the route can answer with it. */
export function refusalSchema(status: number, codes: readonly string[]): SchemaObject {
  return {
    allOf: [
      { $ref: '#/components/schemas/Refusal' },
      {
        type: 'object',
        properties: { statusCode: { type: 'integer', enum: [status] }, code: { type: 'string', enum: [...codes] } },
      },
    ],
  };
}
