import type { JourneyKeys } from '#runtime';
import { DerivedTokens } from '../subjects/derived-tokens';

/** Art. 15(3) download links: (subject, delivery) under their own derived key. */
export class ExportLinkTokens extends DerivedTokens {
  constructor(keys: JourneyKeys) {
    super(keys.exportLink);
  }
}
