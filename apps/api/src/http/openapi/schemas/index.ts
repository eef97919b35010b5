import { AUDIT_SCHEMAS } from './audit.schemas';
import { COMMAND_SCHEMAS } from './command.schemas';
import { JOURNEY_SCHEMAS } from './journeys.schemas';
import { OPERATIONS_SCHEMAS } from './operations.schemas';
import { PRIVACY_CENTER_SCHEMAS } from './privacy-center.schemas';
import { PRIVACY_SCHEMAS } from './privacy.schemas';
import { READ_SCHEMAS } from './read.schemas';
import { REFUSAL_SCHEMA } from './refusal.schema';
import { SUBJECT_SCHEMAS } from './subject.schemas';

/** The named schemas of the document's components: what routes answer, referenced by name. */
export const API_SCHEMAS = {
  Refusal: REFUSAL_SCHEMA,
  ...COMMAND_SCHEMAS,
  ...SUBJECT_SCHEMAS,
  ...READ_SCHEMAS,
  ...PRIVACY_SCHEMAS,
  ...PRIVACY_CENTER_SCHEMAS,
  ...AUDIT_SCHEMAS,
  ...JOURNEY_SCHEMAS,
  ...OPERATIONS_SCHEMAS,
};
