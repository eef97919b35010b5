import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { COMMAND_REFUSALS, type CommandType } from './command-refusals';
import type { RefusalCode } from './refusal-catalogue';
import { Refuses, type Refusal } from './refusals';
import { API_SCHEMAS } from './schemas';
import { ref, type Schema } from './schemas/schema-helpers';

export type SchemaName = keyof typeof API_SCHEMAS;

/** A success answer: its status as really sent, and a named schema, an inline one, or another media type. */
export interface Answer {
  status: number;
  description: string;
  schema?: SchemaName | Schema;
  /** Non-JSON answers (HTML pages, CSV, Prometheus text, event streams), as text; beside the JSON one when a schema is given. */
  media?: readonly string[];
}

/** What a retried or concurrent command can be refused for, whatever it does. */
const COMMAND_EDGE: RefusalCode[] = [
  'VALIDATION.IDEMPOTENCY_KEY',
  'IDEMPOTENCY.KEY_REUSED',
  'EVENT_STORE.WRONG_EXPECTED_VERSION',
];

function answers(list: readonly Answer[]): MethodDecorator[] {
  return list.map(({ status, description, schema, media = [] }) => {
    const json =
      schema === undefined ? [] : [['application/json', { schema: typeof schema === 'string' ? ref(schema) : schema }]];
    const texts = media.map((type) => [type, { schema: { type: 'string' } }]);
    const content = Object.fromEntries([...json, ...texts]);
    return ApiResponse({ status, description, ...(Object.keys(content).length > 0 ? { content } : {}) });
  });
}

/**
 * The one status rule of commands (README "Status codes"): 201 when the command creates a resource
 * or records a fact under an id the caller did not have (the answer carries it), 200 for the rest.
 */
export const COMMAND_STATUS = { created: 201, done: 200 } as const;

/** A command's success answer: its outcome decides the status; `also` lists other statuses it can send. */
export interface CommandAnswer extends Omit<Answer, 'status'> {
  outcome: keyof typeof COMMAND_STATUS;
  also?: Answer[];
}

/**
 * A write: summary, its answers, Idempotency-Key (RFC draft idempotency-key header: a retry
 * appends nothing), and the refusals of the command(s) it runs plus any of its own.
 */
export function CommandOperation(
  summary: string,
  answer: CommandAnswer,
  commands: CommandType[],
  ...refuses: Refusal[]
): MethodDecorator {
  const { outcome, also = [], ...documented } = answer;
  const status = COMMAND_STATUS[outcome];
  return applyDecorators(
    HttpCode(status),
    ApiOperation({ summary }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retries with the same key and body answer the first result and append nothing',
    }),
    ApiHeader({
      name: 'X-Source-System',
      required: false,
      description:
        'Art. 15(1)(g): the system the data comes from (1 to 100 letters, digits, spaces and ._:/-), kept in the events’ metadata',
    }),
    Refuses(...COMMAND_EDGE, ...commands.flatMap((command) => COMMAND_REFUSALS[command]), ...refuses),
    ...answers([{ status, ...documented }, ...also]),
  );
}

/** A read, or an action that records no command of the domain: summary, answers and its own refusals. */
export function Operation(summary: string, answer: Answer | Answer[], ...refuses: Refusal[]): MethodDecorator {
  return applyDecorators(ApiOperation({ summary }), Refuses(...refuses), ...answers([answer].flat()));
}
