import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { CALL_SOURCES, type CallSource } from '@beacon/domain';

export class CreateIntakeKeyDto {
  @ApiProperty({ enum: CALL_SOURCES.filter((s) => s !== 'manual') })
  @IsIn(['110', '119', '120'], { message: 'source must be one of 110, 119, 120' })
  source!: Exclude<CallSource, 'manual'>;

  @ApiProperty({ example: '市公安局110接处警系统' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label!: string;
}
