import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { JurisdictionDto } from '@beacon/domain';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { UserPrincipal } from '../auth/principal.js';
import { JurisdictionsService } from './jurisdictions.service.js';

@ApiTags('jurisdictions')
@ApiBearerAuth()
@Controller('jurisdictions')
export class JurisdictionsController {
  constructor(private readonly jurisdictions: JurisdictionsService) {}

  @Get()
  list(@CurrentUser() user: UserPrincipal): JurisdictionDto[] {
    return this.jurisdictions.visibleTo(user.jurisdictionId);
  }
}
