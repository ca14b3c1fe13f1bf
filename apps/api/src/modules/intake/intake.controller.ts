import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiSecurity, ApiServiceUnavailableResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ACTION_ROLES, type IntakeCallResponse } from '@beacon/domain';
import { UuidParam } from '../../common/uuid-param.pipe.js';
import { ApiKeyAuth, CurrentPrincipal, CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal, UserPrincipal } from '../auth/principal.js';
import { ZodBody, openApiSchemaOf } from '../../common/zod-body.pipe.js';
import { callBodySchema, intakeCallSchema, type CallBody, type IntakeCall } from './intake-call.schema.js';
import { CreateIntakeKeyDto } from './intake-key.dto.js';
import { IntakeKeysService } from './intake-keys.service.js';
import { IntakeService } from './intake.service.js';
import { ApiError } from '../../common/api-error.js';
import { errorBodySchema, intakeCallResponseSchema } from './intake-response.schema.js';

const RESPONSE = openApiSchemaOf(intakeCallResponseSchema);
const ERROR = openApiSchemaOf(errorBodySchema);

@ApiTags('intake')
@Controller()
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly keys: IntakeKeysService,
  ) {}

  /** Machine-to-machine intake from 110/119/120. Idempotent on (source, externalId): a repeat returns 200 and the same ids. */
  @Post('intake/calls')
  @ApiKeyAuth()
  @ApiSecurity('intake-key')
  @ApiHeader({ name: 'X-Api-Key', required: true })
  @ApiCreatedResponse({ description: 'A new call, stored and committed with its event: it opened an incident or joined one', schema: RESPONSE })
  @ApiOkResponse({ description: 'The same (source, externalId) was already received: the same call and incident, nothing stored again (the body of this repeat is not compared: a copy that breaks a domain rule — e.g. a position far outside the jurisdiction — still gets its repeat answer; one that fails the schema gets 400)', schema: RESPONSE })
  @ApiBadRequestResponse({ description: 'The offending field in `fields` (format, range, a position far outside the jurisdiction, a key of another source); nothing is stored', schema: ERROR })
  @ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked X-Api-Key', schema: ERROR })
  @ApiServiceUnavailableResponse({ description: 'STORE_UNAVAILABLE: the database is unreachable; send the call again after Retry-After seconds (a repeat is recognised by (source, externalId), never stored twice)', schema: ERROR })
  @ApiBody({ schema: openApiSchemaOf(intakeCallSchema) })
  async receive(@CurrentPrincipal() principal: Principal, @Body(new ZodBody(intakeCallSchema)) body: IntakeCall, @Res({ passthrough: true }) reply: FastifyReply): Promise<IntakeCallResponse> {
    if (principal.kind === 'integration' && principal.source !== body.source) {
      throw new ApiError(400, 'SOURCE_MISMATCH', `this key belongs to source ${principal.source}`, { source: `must be ${principal.source} for this key` });
    }
    const outcome = await this.intake.receive(principal, body);
    reply.status(outcome.created ? 201 : 200);
    return outcome.response;
  }

  /** A duty officer enters a call by hand (source `manual`). */
  @Post('intake/manual-calls')
  @ApiBearerAuth()
  @Roles(...ACTION_ROLES.manualCall)
  @ApiBody({ schema: openApiSchemaOf(callBodySchema) })
  @ApiCreatedResponse({ description: 'A new call, stored and committed', schema: RESPONSE })
  @ApiOkResponse({ description: 'This call (its externalId) was already entered', schema: RESPONSE })
  @ApiBadRequestResponse({ description: 'The offending field in `fields`; nothing is stored', schema: ERROR })
  async manual(@CurrentUser() user: UserPrincipal, @Body(new ZodBody(callBodySchema)) body: CallBody, @Res({ passthrough: true }) reply: FastifyReply): Promise<IntakeCallResponse> {
    const outcome = await this.intake.receive(user, { ...body, source: 'manual' });
    reply.status(outcome.created ? 201 : 200);
    return outcome.response;
  }

  @Get('admin/intake-keys')
  @ApiBearerAuth()
  @Roles('admin')
  list() {
    return this.keys.list();
  }

  /** The key is returned once; only its hash is stored. */
  @Post('admin/intake-keys')
  @ApiBearerAuth()
  @Roles('admin')
  create(@CurrentUser() user: UserPrincipal, @Body() body: CreateIntakeKeyDto): Promise<{ id: string; key: string }> {
    return this.keys.create(user, body.source, body.label);
  }

  @Delete('admin/intake-keys/:id')
  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(204)
  async revoke(@CurrentUser() user: UserPrincipal, @Param('id', UuidParam) id: string): Promise<void> {
    await this.keys.revoke(user, id);
  }
}
