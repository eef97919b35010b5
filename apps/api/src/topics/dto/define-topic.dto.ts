import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LEGAL_BASES, type LegalBasis } from '#domain';

/** Art. 22(1), 15(1)(h): what the person is told about an automated decision. */
export class AutomatedDecisionDto {
  @ApiProperty({
    example: 'A score from past orders decides which discount is offered',
    description: 'The logic involved',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  logic!: string;

  @ApiProperty({
    example: 'A lower score means a smaller discount',
    description: 'The significance and envisaged consequences',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  consequences!: string;
}

export class DefineTopicDto {
  @ApiProperty({ example: 'newsletter', description: 'Slug: lower-case letters, digits and dashes' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'id must be a slug of lower-case letters, digits and dashes' })
  id!: string;

  @ApiProperty({ example: 'Monthly newsletter' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'News about products and events, once a month', description: 'The purpose (Art. 13(1)(c))' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  description!: string;

  @ApiProperty({ example: ['email'], description: 'Channels from the configured list (CHANNELS)' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  allowedChannels!: string[];

  @ApiProperty({ enum: LEGAL_BASES })
  @IsIn(LEGAL_BASES)
  legalBasis!: LegalBasis;

  @ApiProperty({ example: ['firstName'], description: 'Personal fields the purpose needs (data minimisation)' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  personalFields!: string[];

  @ApiProperty({ example: 730, description: 'Days personal data is kept after consent ends' })
  @IsInt()
  @Min(1)
  @Max(36500)
  retentionDays!: number;

  @ApiPropertyOptional({
    default: false,
    description: 'Art. 21(2): the purpose profiles the person for direct marketing',
  })
  @IsOptional()
  @IsBoolean()
  profiling?: boolean;

  @ApiPropertyOptional({
    type: AutomatedDecisionDto,
    description: 'Art. 22: the purpose involves an automated decision; absent when it does not',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutomatedDecisionDto)
  automatedDecision?: AutomatedDecisionDto;

  @ApiPropertyOptional({
    default: false,
    description: 'Art. 8(1): an information-society service offered directly to a child',
  })
  @IsOptional()
  @IsBoolean()
  offeredToChildren?: boolean;
}
