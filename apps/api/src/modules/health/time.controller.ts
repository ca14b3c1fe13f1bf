import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ServerTimeResponse } from '@beacon/domain';
import { Public } from '../auth/auth.decorators.js';

/**
 * The server's clock for consoles: acknowledgement countdowns, "3 分钟前" and 新来电 compare server
 * timestamps with "now", so a console whose own clock is minutes off measures its offset here.
 * Public and cheap: it is asked before sign-in and a few times an hour.
 */
@ApiTags('health')
@Controller()
export class TimeController {
  @Public()
  @Get('time')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: '{now}: the server time (ISO 8601, UTC, milliseconds)', schema: { type: 'object', required: ['now'], properties: { now: { type: 'string', format: 'date-time' } } } })
  now(): ServerTimeResponse {
    return { now: new Date().toISOString() };
  }
}
