import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { UuidParam } from '../../common/uuid-param.pipe.js';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ACTION_ROLES, type TeamDto } from '@beacon/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { UserPrincipal } from '../auth/principal.js';
import { TeamsService } from './teams.service.js';
import { UpdateTeamDto } from './update-team.dto.js';

@ApiTags('resources')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  list(@CurrentUser() user: UserPrincipal): Promise<TeamDto[]> {
    return this.teams.list(user);
  }

  /** Status and/or position; duty officers (and shift leaders) of the team's jurisdiction. */
  @Patch(':id')
  @Roles(...ACTION_ROLES.updateTeam)
  update(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateTeamDto,
  ): Promise<TeamDto> {
    return this.teams.update(user, id, body);
  }
}
