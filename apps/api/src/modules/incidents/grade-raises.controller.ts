import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { ACTION_ROLES, type GradeRaiseAlertDto, type GradeRaiseSeenDto } from '@beacon/domain';
import { UuidParam } from '../../common/uuid-param.pipe.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { UserPrincipal } from '../auth/principal.js';
import { GradeRaisesService } from './grade-raises.service.js';

export class GradeRaiseSeenBody {
  @ApiProperty({ description: 'Seq of the raise seen (GradeRaiseAlertDto.seq)', example: 1234 })
  @IsInt({ message: 'seq must be the integer seq of a grade raise' })
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  seq!: number;
}

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class GradeRaisesController {
  constructor(private readonly raises: GradeRaisesService) {}

  @Get('grade-raises')
  @ApiOperation({ summary: 'Grade raises nobody at the command center has marked seen: the loud alerts every console shows' })
  outstanding(@CurrentUser() user: UserPrincipal): Promise<GradeRaiseAlertDto[]> {
    return this.raises.outstanding(user);
  }

  @Post(':id/grade-raises/seen')
  @HttpCode(200)
  @Roles(...ACTION_ROLES.markGradeRaiseSeen)
  @ApiOperation({ summary: 'Mark a grade raise (and older ones of the incident) seen: its alert ends on every console (incident.grade_raise_seen)' })
  seen(@CurrentUser() user: UserPrincipal, @Param('id', UuidParam) id: string, @Body() body: GradeRaiseSeenBody): Promise<GradeRaiseSeenDto> {
    return this.raises.markSeen(user, id, body.seq);
  }
}
