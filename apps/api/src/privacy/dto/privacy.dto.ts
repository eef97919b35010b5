import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { REQUEST_CHANNELS, REQUEST_KINDS } from '#domain';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export class EraseSubjectDto {
  @ApiPropertyOptional({
    description: 'The recorded erasure request (POST /subjects/:id/requests); required for crm keys',
  })
  @IsOptional()
  @Matches(ID, { message: 'requestId must be an id of letters, digits and ._:-' })
  requestId?: string;
}

export class PlaceLegalHoldDto {
  @ApiProperty({
    example: 'Invoices kept ten years (AO § 147, HGB § 257)',
    description: 'Personal data: stored only encrypted',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ example: '2035-12-31T00:00:00.000Z' })
  @IsISO8601({ strict: true })
  until!: string;
}

export class ReceiveRequestDto {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS)
  kind!: (typeof REQUEST_KINDS)[number];

  @ApiProperty({ enum: REQUEST_CHANNELS, description: 'How the request reached us' })
  @IsIn(REQUEST_CHANNELS)
  channel!: (typeof REQUEST_CHANNELS)[number];

  @ApiPropertyOptional({
    description: 'When it was received; defaults to now. The deadline counts from here (Art. 12(3))',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;

  @ApiPropertyOptional({ example: 'ticket-4711', description: 'Your own reference: an id, not free text' })
  @IsOptional()
  @Matches(ID, { message: 'reference must be an id of letters, digits and ._:-' })
  reference?: string;
}

export class ExtendRequestDto {
  @ApiProperty({ example: 2, description: 'Art. 12(3): one or two further months, once' })
  @IsInt()
  @Min(1)
  @Max(2)
  months!: number;

  @ApiProperty({ description: 'The reasons the subject is told; personal data, stored only encrypted' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class RejectRequestDto {
  @ApiProperty({ example: 'Identity could not be verified (Art. 12(6))' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class DeliverExportDto {
  @ApiPropertyOptional({
    description: 'The access or portability request this answers; default: every open access request',
  })
  @IsOptional()
  @Matches(ID, { message: 'requestId must be an id of letters, digits and ._:-' })
  requestId?: string;

  @ApiPropertyOptional({ description: 'The e-mail contact point to send to; default: the first active one' })
  @IsOptional()
  @Matches(ID, { message: 'contactPointId must be an id of letters, digits and ._:-' })
  contactPointId?: string;
}
