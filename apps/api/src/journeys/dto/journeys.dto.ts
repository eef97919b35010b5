import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { INTEGRATION_EVENT_TYPES, type IntegrationEventType } from '#journeys';

/** `a,b` or repeated parameters both become a list. */
const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

export class FeedQueryDto {
  @ApiPropertyOptional({ description: 'Topic ids, comma-separated; events for every topic always pass' })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  topicId?: string[];

  @ApiPropertyOptional({ description: 'Channels, comma-separated; events for every channel always pass' })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  channel?: string[];

  @ApiPropertyOptional({ description: 'Integration event types, comma-separated', enum: INTEGRATION_EVENT_TYPES })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(INTEGRATION_EVENT_TYPES, { each: true })
  type?: IntegrationEventType[];

  @ApiPropertyOptional({ description: 'Resume after this global position (Last-Event-ID wins when both are sent)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;
}

export class WebhookFilterDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  topics?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  channels?: string[];
  @ApiPropertyOptional({ enum: INTEGRATION_EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(INTEGRATION_EVENT_TYPES, { each: true })
  types?: IntegrationEventType[];
}

export class RegisterWebhookDto {
  @ApiProperty({ example: 'https://journeys.example.org/ledger-events' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({
    description:
      'Standard Webhooks secret: whsec_ + base64 of at least 24 random bytes; never shown again. Without it the server generates one and returns it once',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  secret?: string;

  @ApiPropertyOptional({ type: WebhookFilterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebhookFilterDto)
  filter?: WebhookFilterDto;
}

export class RotateWebhookSecretDto {
  @ApiPropertyOptional({
    description: 'The new secret (whsec_ + base64 of at least 24 random bytes); without it the server generates one',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  secret?: string;
}

export class UnsubscribeLinkDto {
  @ApiProperty() @IsUUID('4') subjectId!: string;
  @ApiProperty() @IsString() @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/) topicId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(40) channel!: string;
  @ApiPropertyOptional({
    description:
      'Days the link works; without it the link never expires (an objection is a right at any time, Art. 21(2))',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  ttlDays?: number;
}

export class TokenQueryDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) token!: string;
}

/** RFC 8058: the body is `List-Unsubscribe=One-Click`; a browser's form may send nothing else. */
export class OneClickBodyDto {
  @ApiPropertyOptional({ example: 'One-Click' }) @IsOptional() @IsString() @MaxLength(64) 'List-Unsubscribe'?: string;
}
