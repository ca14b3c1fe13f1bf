import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ACTION_ROLES, type IncidentDetailDto, type IncidentDto } from '@beacon/domain';
import { UuidParam } from '../../common/uuid-param.pipe.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { UserPrincipal } from '../auth/principal.js';
import { IncidentQueryDto, MergeDto, NearbyQueryDto, ReasonDto, SetGradeDto, TransitionDto, UpdateIncidentDto } from './incident.dto.js';
import { IncidentsService } from './incidents.service.js';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller()
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get('incidents')
  list(@CurrentUser() user: UserPrincipal, @Query() q: IncidentQueryDto): Promise<IncidentDto[]> {
    return this.incidents.list(user, q);
  }

  @Get('incidents/nearby')
  nearby(@CurrentUser() user: UserPrincipal, @Query() q: NearbyQueryDto) {
    return this.incidents.nearby(user, q.lng, q.lat, q.radiusM);
  }

  @Get('incidents/:id')
  detail(@CurrentUser() user: UserPrincipal, @Param('id', UuidParam) id: string): Promise<IncidentDetailDto> {
    return this.incidents.detail(user, id);
  }

  @Post('incidents/:id/acknowledge')
  @HttpCode(200)
  @Roles(...ACTION_ROLES.acknowledge)
  acknowledge(@CurrentUser() user: UserPrincipal, @Param('id', UuidParam) id: string): Promise<IncidentDto> {
    return this.incidents.acknowledge(user, id);
  }

  @Patch('incidents/:id')
  @Roles(...ACTION_ROLES.editIncident)
  update(@CurrentUser() user: UserPrincipal, @Param('id', UuidParam) id: string, @Body() body: UpdateIncidentDto): Promise<IncidentDto> {
    return this.incidents.update(user, id, body);
  }

  @Post('incidents/:id/transition')
  @HttpCode(200)
  @Roles(...ACTION_ROLES.transition)
  transition(@CurrentUser() user: UserPrincipal, @Param('id', UuidParam) id: string, @Body() body: TransitionDto): Promise<IncidentDto> {
    return this.incidents.transition(user, id, body.to, body.reason);
  }

  @Post('incidents/:id/grade')
  @HttpCode(200)
  @Roles(...ACTION_ROLES.setGrade)
  grade(@CurrentUser() user: UserPrincipal, @Param('id', UuidParam) id: string, @Body() body: SetGradeDto): Promise<IncidentDto> {
    return this.incidents.setGrade(user, id, body.grade, body.reason);
  }

  @Post('incidents/:id/merge')
  @HttpCode(200)
  @Roles(...ACTION_ROLES.merge)
  merge(@CurrentUser() user: UserPrincipal, @Param('id', UuidParam) id: string, @Body() body: MergeDto): Promise<IncidentDto> {
    return this.incidents.merge(user, id, body.targetIncidentId, body.reason);
  }

  @Post('incidents/:id/unmerge')
  @HttpCode(200)
  @Roles(...ACTION_ROLES.unmerge)
  unmerge(@CurrentUser() user: UserPrincipal, @Param('id', UuidParam) id: string, @Body() body: ReasonDto): Promise<IncidentDto> {
    return this.incidents.unmerge(user, id, body.reason);
  }

  @Post('calls/:callId/split')
  @HttpCode(200)
  @Roles(...ACTION_ROLES.splitCall)
  split(@CurrentUser() user: UserPrincipal, @Param('callId', UuidParam) callId: string, @Body() body: ReasonDto): Promise<IncidentDto> {
    return this.incidents.splitCall(user, callId, body.reason);
  }
}
