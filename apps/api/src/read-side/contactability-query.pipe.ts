import { Injectable, type PipeTransform } from '@nestjs/common';
import { validateCompiled } from '../http/compiled-validation';
import { ApiValidationPipe } from '../http/validation.pipe';
import { ContactabilityQueryDto } from './dto/read-queries.dto';

/** The checked query of `GET /subjects/:id/contactability`. */
export type ContactabilityQuery = { topicId: string; channel: string; contactPointId?: string };

/**
 * The hottest read route's query, checked by the DTO's compiled rules (see validateCompiled): a
 * query they do not accept as it stands goes through ApiValidationPipe with the DTO, so every 400
 * keeps class-validator's exact violations and the accepted set is never wider than the DTO's.
 * Synchronous when the query is accepted: no promise for the common case.
 */
@Injectable()
export class ContactabilityQueryPipe
  implements PipeTransform<unknown, ContactabilityQuery | Promise<ContactabilityQuery>>
{
  private readonly full = new ApiValidationPipe();

  transform(value: unknown): ContactabilityQuery | Promise<ContactabilityQuery> {
    const compiled = validateCompiled(ContactabilityQueryDto, value) as ContactabilityQuery | undefined;
    return compiled ?? (this.full.transform(value, FULL) as Promise<ContactabilityQuery>);
  }
}

const FULL = { type: 'query', metatype: ContactabilityQueryDto } as const;
