import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { TEXT_CHANGES, type TextChange } from '#domain';

export class PublishVersionDto {
  @ApiProperty({ example: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  text!: string;

  @ApiProperty({ example: 'de', description: 'BCP 47 language tag' })
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'language must be a language tag such as de or en-GB' })
  language!: string;

  @ApiProperty({ enum: TEXT_CHANGES, description: 'material: existing consents need to be given again' })
  @IsIn(TEXT_CHANGES)
  change!: TextChange;
}

export class RetireTopicDto {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
