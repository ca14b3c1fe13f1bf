import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { UserStanding } from './user-standing.js';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { expiresIn: config.JWT_TTL_S } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, UserStanding, AccessGuard, { provide: APP_GUARD, useExisting: AccessGuard }],
  exports: [JwtModule, AccessGuard, UserStanding],
})
export class AuthModule {}
