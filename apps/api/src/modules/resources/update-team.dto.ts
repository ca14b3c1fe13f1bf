import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { TEAM_STATUSES, type TeamStatus } from '@beacon/domain';
import { LngLatDto } from '../../common/dto/lng-lat.dto.js';

export class UpdateTeamDto {
  @ApiPropertyOptional({ enum: TEAM_STATUSES })
  @IsOptional()
  @IsIn(TEAM_STATUSES, { message: `status must be one of ${TEAM_STATUSES.join(', ')}` })
  status?: TeamStatus;

  @ApiPropertyOptional({ type: LngLatDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LngLatDto)
  location?: LngLatDto;
}
