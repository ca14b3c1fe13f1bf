import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { CALL_SOURCES, INCIDENT_CATEGORIES, INCIDENT_TYPES, type CallSource, type IncidentCategory, type IncidentType } from '@beacon/domain';
import { LngLatDto } from '../../common/dto/lng-lat.dto.js';

/** Largest value numeric(16,2) holds, in whole yuan. */
export const MAX_ECONOMIC_LOSS_CNY = 99_999_999_999_999;

const ALL_TYPES = Object.values(INCIDENT_TYPES).flat() as IncidentType[];

export class CallerDto {
  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+\-() ]{3,32}$/, { message: 'phone must be 3–32 digits' })
  phone?: string;

  @ApiPropertyOptional({ example: '王先生' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;
}

export class CallLocationDto extends LngLatDto {
  @ApiPropertyOptional({ description: 'Position accuracy radius in metres', example: 50 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'accuracyM must not be negative' })
  @Max(100000)
  accuracyM?: number;
}

export class CasualtiesDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0, { message: 'deaths must not be negative' }) deaths?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0, { message: 'seriousInjuries must not be negative' }) seriousInjuries?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0, { message: 'injured must not be negative' }) injured?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0, { message: 'missing must not be negative' }) missing?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0, { message: 'trapped must not be negative' }) trapped?: number;
}

/** Everything but `source` — the manual form posts this, the integration adds its source. */
export class CallBodyDto {
  @ApiProperty({ description: "The call center's own case/call id", example: '119-20261123-000123' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  externalId!: string;

  @ApiProperty({ description: 'ISO 8601 with an explicit offset', example: '2026-11-23T22:41:07+08:00' })
  @IsISO8601({ strict: true }, { message: 'receivedAt must be an ISO 8601 timestamp' })
  @Matches(/(Z|[+-]\d{2}:?\d{2})$/, { message: 'receivedAt must carry a UTC offset (e.g. +08:00)' })
  receivedAt!: string;

  @ApiPropertyOptional({ type: CallerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallerDto)
  caller?: CallerDto;

  @ApiPropertyOptional({ type: CallLocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallLocationDto)
  location?: CallLocationDto;

  @ApiPropertyOptional({ example: '临淄区齐鲁化学工业区东门' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ enum: INCIDENT_CATEGORIES })
  @IsOptional()
  @IsIn(INCIDENT_CATEGORIES, { message: `category must be one of ${INCIDENT_CATEGORIES.join(', ')}` })
  category?: IncidentCategory;

  @ApiPropertyOptional({ enum: ALL_TYPES })
  @IsOptional()
  @IsIn(ALL_TYPES, { message: 'type must be a sub-type code from the category table' })
  type?: IncidentType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ type: CasualtiesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CasualtiesDto)
  casualties?: CasualtiesDto;

  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0, { message: 'economicLossCny must not be negative' })
  // The column is numeric(16,2): anything larger would fail in Postgres after validation passed.
  @Max(MAX_ECONOMIC_LOSS_CNY, { message: `economicLossCny must be at most ${MAX_ECONOMIC_LOSS_CNY}` })
  economicLossCny?: number;

  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0, { message: 'burnedAreaHa must not be negative' })
  burnedAreaHa?: number;

  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(10)
  magnitude?: number;

  @ApiPropertyOptional({ description: "Other sources' case ids for the same event", type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  relatedExternalIds?: string[];
}

export class IntakeCallDto extends CallBodyDto {
  @ApiProperty({ enum: CALL_SOURCES })
  @IsIn(CALL_SOURCES, { message: `source must be one of ${CALL_SOURCES.join(', ')}` })
  source!: CallSource;
}

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
