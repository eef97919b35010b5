import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiValidationPipe } from '../http/validation.pipe';
import { ContactabilityQueryDto } from './dto/read-queries.dto';

/** The checked query of `GET /subjects/:id/contactability`. */
export type ContactabilityQuery = { topicId: string; channel: string; contactPointId?: string };

const LIMITS: Readonly<Record<string, readonly [min: number, max: number]>> = {
  topicId: [1, 128],
  channel: [1, 64],
  contactPointId: [1, 128],
};
const REQUIRED = ['topicId', 'channel'] as const;

/**
 * The hottest read route checks its three strings by hand: class-transformer and class-validator
 * cost about a tenth of its CPU. A query the hand check does not accept as it stands goes through
 * the global ApiValidationPipe with the DTO, so every 400 keeps class-validator's exact violations
 * and the accepted set is never wider than the DTO's.
 */
@Injectable()
export class ContactabilityQueryPipe implements PipeTransform<unknown, Promise<ContactabilityQuery>> {
  private readonly full = new ApiValidationPipe();

  async transform(value: unknown): Promise<ContactabilityQuery> {
    if (isWellFormed(value)) return value;
    return (await this.full.transform(value, {
      type: 'query',
      metatype: ContactabilityQueryDto,
    })) as ContactabilityQuery;
  }
}

function isWellFormed(value: unknown): value is ContactabilityQuery {
  if (typeof value !== 'object' || value === null) return false;
  const query = value as Record<string, unknown>;
  for (const key in query) {
    const limits = Object.hasOwn(LIMITS, key) ? LIMITS[key] : undefined;
    if (limits === undefined || !withinLimits(query[key], limits)) return false;
  }
  return REQUIRED.every((key) => key in query);
}

function withinLimits(field: unknown, [min, max]: readonly [number, number]): boolean {
  // validator's isLength counts a surrogate pair as one, so it never finds more than `length`: a
  // string between the bounds here is between them there too; any other goes the full way.
  return typeof field === 'string' && field.length >= min && field.length <= max;
}
