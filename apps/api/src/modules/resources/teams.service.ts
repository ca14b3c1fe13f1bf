import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { TeamDto } from '@beacon/domain';
import { ApiError } from '../../common/api-error.js';
import { actorOf, type UserPrincipal } from '../auth/principal.js';
import { EventLog } from '../events/event-log.service.js';
import { JurisdictionsService } from '../jurisdictions/jurisdictions.service.js';
import { teamDto } from './resource-mappers.js';
import { TeamEntity } from './team.entity.js';
import type { UpdateTeamDto } from './update-team.dto.js';

@Injectable()
export class TeamsService {
  constructor(
    private readonly ds: DataSource,
    private readonly log: EventLog,
    private readonly jurisdictions: JurisdictionsService,
  ) {}

  async list(user: UserPrincipal): Promise<TeamDto[]> {
    const visible = this.jurisdictions.idsInScope(user.jurisdictionId);
    const rows = await this.ds.getRepository(TeamEntity).find({ where: { jurisdictionId: In(visible) }, order: { name: 'ASC' } });
    return rows.map(teamDto);
  }

  async update(user: UserPrincipal, id: string, change: UpdateTeamDto): Promise<TeamDto> {
    if (change.status === undefined && change.location === undefined) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'nothing to change: give status and/or location', { status: 'status or location is required' });
    }
    const { result } = await this.log.write(actorOf(user), async (ctx) => {
      const repo = ctx.manager.getRepository(TeamEntity);
      const team = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!team || !this.jurisdictions.tree.descendants(user.jurisdictionId).has(team.jurisdictionId)) {
        throw new ApiError(404, 'TEAM_NOT_FOUND', `team ${id} not found in your jurisdiction`);
      }
      const changed: string[] = [];
      if (change.status !== undefined && change.status !== team.status) {
        team.status = change.status;
        changed.push('status');
      }
      if (change.location && (change.location.lng !== team.lng || change.location.lat !== team.lat)) {
        team.lng = change.location.lng;
        team.lat = change.location.lat;
        changed.push('location');
      }
      if (changed.length === 0) return teamDto(team);
      team.updatedAt = new Date();
      team.version += 1;
      await repo.save(team);
      const dto = teamDto(team);
      ctx.record({ type: 'team.updated', aggregate: { type: 'team', id }, jurisdictionId: team.jurisdictionId, payload: { team: dto, changed } });
      return dto;
    });
    return result;
  }
}
