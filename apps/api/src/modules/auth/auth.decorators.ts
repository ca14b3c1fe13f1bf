import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@beacon/domain';
import type { Principal, UserPrincipal } from './principal.js';

export const PUBLIC_ROUTE = 'beacon:public';
export const API_KEY_ROUTE = 'beacon:api-key';
export const ROLES = 'beacon:roles';

/** No authentication (login, health, metrics, docs, public feed). Every other route is denied by default. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
/** Machine-to-machine: authenticated by an `X-Api-Key` integration key instead of a JWT. */
export const ApiKeyAuth = () => SetMetadata(API_KEY_ROUTE, true);
/** Any of these roles may call. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserPrincipal => {
  const principal = ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
  if (principal.kind !== 'user') throw new Error('CurrentUser used on a route that is not user-authenticated');
  return principal;
});
