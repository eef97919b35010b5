import { ApiProperty } from '@nestjs/swagger';

/** Every command answers where its events landed (pass `position` as X-Min-Position to read your writes). */
export class CommandResponse {
  @ApiProperty({ example: 'subject-6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b' }) stream!: string;
  @ApiProperty({ example: 3, description: 'Stream revision after the command' }) revision!: number;
  @ApiProperty({ example: 1042, description: 'Global position of the last event appended' }) position!: number;
  @ApiProperty({ example: [{ id: '0b8f…', type: 'ConsentGranted' }] }) events!: Array<{ id: string; type: string }>;
  @ApiProperty({ description: 'True when an Idempotency-Key matched: nothing was appended' }) replayed!: boolean;
}
