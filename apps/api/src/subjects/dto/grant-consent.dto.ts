import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CALLER_EVIDENCE_METHODS, type EvidenceMethod } from '#domain';

export class EvidenceDto {
  @ApiProperty({ enum: CALLER_EVIDENCE_METHODS })
  @IsIn(CALLER_EVIDENCE_METHODS)
  method!: EvidenceMethod;

  @ApiProperty({ example: '2026-11-25T09:00:00.000Z', description: 'When the person gave consent' })
  @IsISO8601({ strict: true })
  capturedAt!: string;

  @ApiProperty({ example: 'web-shop' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  sourceSystem!: string;

  @ApiPropertyOptional({ example: 'footer-newsletter' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  formId?: string;

  @ApiProperty({ example: 1, description: 'Consent-text version shown to the person' })
  @IsInt()
  @Min(1)
  textVersion!: number;

  @ApiPropertyOptional({ description: 'Personal data: stored only encrypted' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ipAddress?: string;

  @ApiPropertyOptional({ description: 'Personal data: stored only encrypted' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  userAgent?: string;

  /** Art. 4(11), 7: consent is an unambiguous affirmative act; false (pre-ticked, implicit) is refused by the domain. */
  @ApiProperty({ example: true })
  @IsBoolean()
  affirmativeAction!: boolean;
}

export class GrantConsentDto {
  @ApiProperty({ example: 'newsletter' })
  @IsString()
  @MinLength(1)
  @MaxLength(63)
  topicId!: string;

  @ApiProperty({ example: 'email' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  channel!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  contactPointId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiProperty({ type: EvidenceDto })
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto;
}

export class RevokeConsentDto {
  @ApiProperty({ example: 'newsletter' })
  @IsString()
  @MinLength(1)
  @MaxLength(63)
  topicId!: string;

  @ApiPropertyOptional({ description: 'Without it, every channel of the topic is revoked' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  channel?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  contactPointId?: string;

  @ApiPropertyOptional({ description: 'Art. 7(3): never required' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
