import { type ErrorCode, refuse } from './error-codes';
import { requireText } from './text';

/** Control characters, every format character (bidi controls, zero-width marks) and lone surrogates. */
const HIDDEN_IN_A_NAME = /[\p{Cc}\p{Cf}\p{Cs}]/u;
/**
 * Free text keeps tabs, line breaks and the directional marks right-to-left scripts need, but not
 * the embeddings, overrides and isolates that make a reader see other text than is stored
 * (Trojan Source, CVE-2021-42574), nor other control characters or lone surrogates.
 */
const HIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\p{Cs}]/u;

/** A short name a reviewer reads (a field's name): only characters that show as themselves. */
export function optionalVisibleName(value: unknown, code: ErrorCode, field: string, maxLength: number) {
  if (value === undefined) return undefined;
  const text = requireText(value, code, field, maxLength);
  if (HIDDEN_IN_A_NAME.test(text)) refuse(code, `${field} must not contain control or invisible characters`, field);
  return text;
}

/** Free text a person wrote (a correction): any script and line breaks, nothing hidden or reordered. */
export function optionalVisibleText(value: unknown, code: ErrorCode, field: string, maxLength: number) {
  if (value === undefined) return undefined;
  const text = requireText(value, code, field, maxLength);
  if (HIDDEN_IN_TEXT.test(text))
    refuse(code, `${field} must not contain control characters or bidirectional overrides`, field);
  return text;
}
