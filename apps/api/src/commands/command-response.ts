import type { CommandResult } from '#application';

/**
 * Every command answers where its events landed (pass `position` as X-Min-Position to read your
 * writes). Documented once, as the `CommandResponse` schema (http/openapi/schemas/command.schemas.ts).
 */
export type CommandResponse = CommandResult;
