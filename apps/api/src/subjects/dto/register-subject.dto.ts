import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ExternalIdDto } from './external-id.dto';

export class ContactPointDto {
  @ApiProperty({ example: 'email' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  channel!: string;

  @ApiProperty({ example: 'anna@example.org', description: 'Personal data: stored only encrypted' })
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  address!: string;
}

export class RegisterSubjectDto {
  @ApiProperty({ example: 'de-DE' })
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'locale must be a language tag such as de or de-DE' })
  locale!: string;

  @ApiProperty({ type: [ContactPointDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ContactPointDto)
  contactPoints!: ContactPointDto[];

  @ApiPropertyOptional({
    example: { firstName: 'Anna', dateOfBirth: '2012-06-01', country: 'AT' },
    description:
      'Only fields of PROFILE_FIELDS or of a topic, and for Art. 8 `dateOfBirth` (YYYY-MM-DD), `ageBand` ("13-15", "18+") and `country` (ISO 3166-1 alpha-2)',
  })
  @IsOptional()
  @IsObject()
  profile?: Record<string, string>;

  @ApiPropertyOptional({ type: [ExternalIdDto], description: 'Identity links, e.g. the CRM customer number' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ExternalIdDto)
  externalIds?: ExternalIdDto[];
}

export class RectifyContactPointDto {
  @ApiProperty({ example: 'anna.berg@example.org' })
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  address!: string;
}
