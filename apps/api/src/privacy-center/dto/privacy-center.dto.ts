import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class PrivacyCenterLinkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  subjectId!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 3650, description: 'Default PRIVACY_CENTER_LINK_TTL_DAYS (30)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  ttlDays?: number;
}

const LOCALE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;

export class SignInDto {
  @ApiProperty({ example: 'erika@example.org' })
  @IsString()
  @MaxLength(320)
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'email must be an e-mail address' })
  email!: string;

  @ApiPropertyOptional({ example: 'de', description: 'The page’s language: the mail is written in it' })
  @IsOptional()
  @IsString()
  @Matches(LOCALE)
  locale?: string;
}

export class SessionDto {
  @ApiProperty({ description: 'The token from the link’s fragment (#link= or #signin=)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  token!: string;

  @ApiProperty({ enum: ['link', 'signin'] })
  @IsIn(['link', 'signin'])
  kind!: 'link' | 'signin';
}

const ID_TEXT = { minLength: 1, maxLength: 128 };

export class SelfConsentDto {
  @ApiProperty(ID_TEXT)
  @IsString()
  @MaxLength(128)
  topicId!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(64)
  channel!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  contactPointId?: string;

  @ApiProperty({ description: 'The version of the text the page showed; another than the current one is refused' })
  @IsInt()
  @Min(1)
  textVersion!: number;
}

export class SelfRevocationDto {
  @ApiProperty(ID_TEXT)
  @IsString()
  @MaxLength(128)
  topicId!: string;

  @ApiPropertyOptional({ description: 'Without it, every channel of the topic' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  channel?: string;
}

export const SELF_OBJECTION_KINDS = ['direct_marketing', 'topic', 'profiling'] as const;

export class SelfObjectionDto {
  @ApiProperty({ enum: SELF_OBJECTION_KINDS })
  @IsIn(SELF_OBJECTION_KINDS)
  kind!: (typeof SELF_OBJECTION_KINDS)[number];

  @ApiPropertyOptional({ description: 'For kind topic; for profiling, one topic (or none: everywhere)' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  topicId?: string;
}

export class SelfBlockDto {
  @ApiProperty({ enum: ['global', 'channel'] })
  @IsIn(['global', 'channel'])
  kind!: 'global' | 'channel';

  @ApiPropertyOptional({ description: 'For kind channel' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  channel?: string;
}

export class SelfRequestDto {
  @ApiProperty({ enum: ['access', 'rectification', 'erasure'] })
  @IsIn(['access', 'rectification', 'erasure'])
  kind!: 'access' | 'rectification' | 'erasure';

  @ApiPropertyOptional({ description: 'Rectification: the field to correct' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  field?: string;

  @ApiPropertyOptional({ description: 'Rectification: what it should say (stored encrypted)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  correction?: string;
}
