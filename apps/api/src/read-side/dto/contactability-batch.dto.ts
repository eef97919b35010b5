import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_BATCH } from '#projections';

export class ContactabilityCheckDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) subjectId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) topicId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) channel!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(128) contactPointId?: string;
}

export class ContactabilityBatchDto {
  @ApiProperty({ type: [ContactabilityCheckDto], maxItems: MAX_BATCH })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH)
  @ValidateNested({ each: true })
  @Type(() => ContactabilityCheckDto)
  checks!: ContactabilityCheckDto[];
}
