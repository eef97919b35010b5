import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { EXTERNAL_SYSTEM_PATTERN, MAX_EXTERNAL_ID_LENGTH } from '#domain';

const ID_DESCRIPTION = 'Personal data: stored only encrypted; found by `GET /subjects?externalId=<system>:<id>`';

/** The id alone, for `PUT /subjects/:id/external-ids/:system`: the system is in the path. */
export class ExternalIdValueDto {
  @ApiProperty({ example: '4711', minLength: 1, maxLength: MAX_EXTERNAL_ID_LENGTH, description: ID_DESCRIPTION })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_EXTERNAL_ID_LENGTH)
  id!: string;
}

export class ExternalIdDto extends ExternalIdValueDto {
  @ApiProperty({ example: 'crm', pattern: EXTERNAL_SYSTEM_PATTERN.source, description: 'One id per system' })
  @IsString()
  @Matches(EXTERNAL_SYSTEM_PATTERN, { message: `system must match ${EXTERNAL_SYSTEM_PATTERN.source}` })
  system!: string;
}
