import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { GradeTables } from '@beacon/domain';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('grading')
export class GradingController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('tables')
  @ApiOperation({
    summary: 'The grading tables in force (the shipped statute tables, with GRADE_TABLES_FILE\'s [secondary] ones in their place): consoles grade with the same ones',
  })
  tables(): GradeTables {
    return this.config.gradeTables;
  }
}
