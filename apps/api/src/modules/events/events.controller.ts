import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { EventPage } from '@beacon/domain';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { UserPrincipal } from '../auth/principal.js';
import { JurisdictionsService } from '../jurisdictions/jurisdictions.service.js';
import { EventReader } from './event-reader.service.js';
import { EventsQueryDto } from './events-query.dto.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(
    private readonly reader: EventReader,
    private readonly jurisdictions: JurisdictionsService,
  ) {}

  /** The resync feed: what the caller may see after `after`, in order. */
  @Get()
  @ApiOkResponse({
    description:
      '{events, hasMore, nextAfter, lastSeq}: page on with after=nextAfter while hasMore. lastSeq is the head of the whole log (events of other jurisdictions count), not the end of this page.',
  })
  page(@CurrentUser() user: UserPrincipal, @Query() q: EventsQueryDto): Promise<EventPage> {
    const visible = this.jurisdictions.idsInScope(user.jurisdictionId);
    return this.reader.page(q.after, q.limit, visible);
  }
}
