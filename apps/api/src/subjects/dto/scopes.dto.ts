import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { BLOCK_REFERENCE_KINDS, OBJECTION_KINDS } from '#domain';

export class ObjectionScopeDto {
  @ApiProperty({
    enum: OBJECTION_KINDS,
    description: '`profiling`: to profiling alone (Art. 21(2)), all topics or `topicId`',
  })
  @IsIn(OBJECTION_KINDS)
  kind!: (typeof OBJECTION_KINDS)[number];

  @ApiPropertyOptional({ description: 'For kind topic, and optionally for kind profiling' })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  topicId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  channel?: string;
}

export class RaiseObjectionDto {
  @ApiProperty({ type: ObjectionScopeDto })
  @ValidateNested()
  @Type(() => ObjectionScopeDto)
  scope!: ObjectionScopeDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class BlockScopeDto {
  @ApiProperty({ enum: ['global', 'channel', 'contact_point', 'topic'] })
  @IsIn(['global', 'channel', 'contact_point', 'topic'])
  kind!: 'global' | 'channel' | 'contact_point' | 'topic';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  channel?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  contactPointId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(63)
  topicId?: string;
}

export class BlockReferenceDto {
  @ApiProperty({ enum: BLOCK_REFERENCE_KINDS })
  @IsIn(BLOCK_REFERENCE_KINDS)
  kind!: (typeof BLOCK_REFERENCE_KINDS)[number];

  @ApiProperty({
    example: 'mail-2026-11-campaign-42',
    description: 'The communication or request that caused the block',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  id!: string;
}

export class SetBlockDto {
  @ApiProperty({ type: BlockScopeDto })
  @ValidateNested()
  @Type(() => BlockScopeDto)
  scope!: BlockScopeDto;

  @ApiProperty({ example: 'Customer asked by phone not to be contacted again' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ type: BlockReferenceDto })
  @ValidateNested()
  @Type(() => BlockReferenceDto)
  reference!: BlockReferenceDto;
}

export class DoubleOptInRequestDto {
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

  @ApiProperty()
  @IsUUID()
  contactPointId!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  textVersion!: number;

  @ApiProperty({ example: 'web-shop' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  sourceSystem!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  formId?: string;
}

export class ConfirmDoubleOptInDto {
  @ApiProperty({ description: 'The token from the confirmation link' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token!: string;
}
