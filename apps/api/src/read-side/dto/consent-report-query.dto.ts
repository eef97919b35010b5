import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { REPORT_STATUSES, type ReportStatus } from '#projections';

/** A page streams from an iterator, so a large one costs time, not memory. */
export const REPORT_MAX_LIMIT = 100_000;
export const REPORT_DEFAULT_LIMIT = 1_000;

/** `topicId`, not `topic`: the one name for a topic in queries since #16. */
export class ConsentReportQueryDto {
  @ApiPropertyOptional({ example: 'newsletter' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'topicId must be a topic slug such as newsletter' })
  @MaxLength(64)
  topicId?: string;

  @ApiPropertyOptional({ example: 'email', description: 'A channel from the configured list (CHANNELS)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  channel?: string;

  @ApiPropertyOptional({ enum: REPORT_STATUSES, description: 'The status the log recorded' })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;

  @ApiPropertyOptional({ description: 'Recorded at or after this ISO-8601 time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Recorded at or before this ISO-8601 time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'The cursor of the previous page’s Link rel="next"' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: REPORT_MAX_LIMIT, default: REPORT_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(REPORT_MAX_LIMIT)
  limit?: number;
}
