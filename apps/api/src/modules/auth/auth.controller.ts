import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LoginResponse } from '@beacon/domain';
import { CurrentUser, Public } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { LoginDto } from './login.dto.js';
import type { UserPrincipal } from './principal.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: '{accessToken, expiresAt, user}' })
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.username, body.password);
  }

  /** A fresh token (and the user as stored now) for a console that is still signed in. */
  @ApiBearerAuth()
  @Post('renew')
  @HttpCode(200)
  @ApiOkResponse({ description: '{accessToken, expiresAt, user}: a new token for the signed-in user; 401 if the token has expired or the account is no longer active' })
  renew(@CurrentUser() user: UserPrincipal): Promise<LoginResponse> {
    return this.auth.renew(user);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: UserPrincipal): UserPrincipal {
    return user;
  }
}
