import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { LEGAL_BASES, type LegalBasis } from '#domain';

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

  @ApiProperty({
    required: false,
    example: ['https://w3id.org/dpv#DirectMarketing'],
    description: 'W3C DPV purpose IRIs (https://w3id.org/dpv#...); default: from the legal basis',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  dpvPurposes?: string[];
}
