import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested, ValidateIf } from 'class-validator';
import {
  GRADES, INCIDENT_CATEGORIES, INCIDENT_SEARCH_LENGTH, INCIDENT_STATUSES, INCIDENT_TYPES, figureBounds, type Grade, type IncidentCategory, type IncidentFigures, type IncidentStatus, type IncidentType,
} from '@beacon/domain';
import { LngLatDto } from '../../common/dto/lng-lat.dto.js';

const ALL_TYPES = Object.values(INCIDENT_TYPES).flat() as IncidentType[];
const csv = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value);

export class IncidentQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated statuses; default: the open ones' })
  @IsOptional()
  @Transform(csv)
  @IsIn(INCIDENT_STATUSES, { each: true, message: `status must be among ${INCIDENT_STATUSES.join(', ')}` })
  status?: IncidentStatus[];

  @ApiPropertyOptional({ enum: INCIDENT_CATEGORIES })
  @IsOptional()
  @IsIn(INCIDENT_CATEGORIES)
  category?: IncidentCategory;

  @ApiPropertyOptional({ description: 'I, II, III, IV or none' })
  @IsOptional()
  @IsIn([...GRADES, 'none'])
  grade?: Grade | 'none';

  @ApiPropertyOptional({ description: 'minLng,minLat,maxLng,maxLat' })
  @IsOptional()
  @IsString()
  bbox?: string;

  @ApiPropertyOptional({ description: 'Search: part of the incident number (INC-20261125-0012, or just 0012), title or address, or of what one of its calls carries: the source\'s case number (externalId), the caller\'s phone (digits as typed, 4 or more: 138 1234-5678) or name, the call\'s address or description. An incident whose number or call\'s case number is exactly q comes first. Without `status`, searches every status, merged and closed too.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(INCIDENT_SEARCH_LENGTH.min, { message: `q must have at least ${INCIDENT_SEARCH_LENGTH.min} characters` })
  @MaxLength(INCIDENT_SEARCH_LENGTH.max)
  q?: string;

  @ApiPropertyOptional({ description: 'With q: incidents of these types match too (comma-separated codes) — a console matches q against type names in its own language, e.g. "fire" in English' })
  @IsOptional()
  @Transform(csv)
  @IsIn(ALL_TYPES, { each: true, message: 'types must be sub-type codes from the category table' })
  types?: IncidentType[];

  @ApiPropertyOptional({ default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 200;
}

export class NearbyQueryDto {
  @ApiProperty() @Type(() => Number) @IsNumber() @Min(-180) @Max(180) lng!: number;
  @ApiProperty() @Type(() => Number) @IsNumber() @Min(-90) @Max(90) lat!: number;
  @ApiPropertyOptional({ default: 2000 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(1) @Max(50000) radiusM = 2000;
}

export class ReasonDto {
  @ApiProperty({ example: '现场核实为同一事件' })
  // A reason of blanks is no reason: it is the record of why (merges, splits and transitions are undoable only by what they say).
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'reason is required' })
  @MaxLength(1000)
  reason!: string;
}

/** Min/Max of a figure from the domain's bounds (figureBounds), whole numbers for people: one rule for every way figures come in. */
function Figure(key: keyof IncidentFigures): PropertyDecorator {
  const { min, max, whole } = figureBounds(key);
  return applyDecorators(ApiPropertyOptional({ minimum: min, maximum: max, type: whole ? 'integer' : 'number' }), IsOptional(), whole ? IsInt() : IsNumber(), Min(min), Max(max));
}

export class FiguresDto {
  @Figure('deaths') deaths?: number;
  @Figure('seriousInjuries') seriousInjuries?: number;
  @Figure('injured') injured?: number;
  @Figure('missing') missing?: number;
  @Figure('trapped') trapped?: number;
  @Figure('economicLossCny') economicLossCny?: number;
  @Figure('burnedAreaHa') burnedAreaHa?: number;
  @Figure('magnitude') magnitude?: number;
  @Figure('relocated') relocated?: number;
}

export class UpdateIncidentDto {
  @ApiPropertyOptional({ enum: INCIDENT_CATEGORIES }) @IsOptional() @IsIn(INCIDENT_CATEGORIES) category?: IncidentCategory;
  @ApiPropertyOptional({ enum: ALL_TYPES }) @IsOptional() @IsIn(ALL_TYPES) type?: IncidentType;
  @ApiPropertyOptional({ type: LngLatDto }) @IsOptional() @ValidateNested() @Type(() => LngLatDto) location?: LngLatDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ type: FiguresDto }) @IsOptional() @ValidateNested() @Type(() => FiguresDto) figures?: FiguresDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class TransitionDto extends ReasonDto {
  @ApiProperty({ enum: INCIDENT_STATUSES })
  @IsIn(INCIDENT_STATUSES, { message: `to must be one of ${INCIDENT_STATUSES.join(', ')}` })
  to!: IncidentStatus;
}

export class SetGradeDto {
  @ApiProperty({ enum: GRADES, nullable: true })
  @ValidateIf((o: SetGradeDto) => o.grade !== null)
  @IsIn(GRADES, { message: 'grade must be I, II, III, IV or null' })
  grade!: Grade | null;

  @ApiProperty()
  @IsString()
  @MaxLength(1000)
  reason!: string;
}

export class MergeDto extends ReasonDto {
  @ApiProperty()
  @IsUUID('all', { message: 'targetIncidentId must be a UUID' })
  targetIncidentId!: string;
}
