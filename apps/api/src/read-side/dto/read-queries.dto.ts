import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MAX_LIMIT } from '#read-store';

export class LookupQueryDto {
  @ApiPropertyOptional({ description: 'Exact after normalisation (trimmed, lower case)' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ description: 'Exact after normalisation (international form)' })
  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({
    description: '`<system>:<id>`, e.g. `crm:4711`: the first `:` separates them; exact (the id case-sensitive)',
    example: 'crm:4711',
  })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  externalId?: string;
}

export class ContactabilityQueryDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) topicId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) channel!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(128) contactPointId?: string;
}

export class AudienceQueryDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) topicId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) channel!: string;
  @ApiPropertyOptional({ description: 'The `next` cursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  after?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;
}
