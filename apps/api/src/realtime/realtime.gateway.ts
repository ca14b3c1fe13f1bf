import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { REALTIME_RESYNC, type RealtimeResyncMessage, type RealtimeResyncReason } from '@beacon/domain';
import { principalFromClaims } from '../modules/auth/access.guard.js';
import type { JwtClaims, UserPrincipal } from '../modules/auth/principal.js';
import { UserStanding, isSessionEnded } from '../modules/auth/user-standing.js';
import { EventReader } from '../modules/events/event-reader.service.js';
import { JurisdictionsService } from '../modules/jurisdictions/jurisdictions.service.js';
import { BeaconMetrics } from '../modules/health/beacon-metrics.js';
import { LocalBroadcast } from './local-broadcast.js';
import { ALL_ROOM, REALTIME_NAMESPACE, jurisdictionRoom } from './channels.js';

/** setTimeout's limit (~24.8 days): a token that lives longer is not timed here. */
const MAX_TIMER_MS = 2_000_000_000;

/**
 * Guards do not run on handleConnection, so the handshake is authenticated here: the token comes in
 * `auth` (never the URL), and the server alone decides the rooms.
 */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE, cors: { origin: true } })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeGateway.name);
  private sweep?: NodeJS.Timeout;

  @WebSocketServer()
  server!: Namespace;

  constructor(
    private readonly jwt: JwtService,
    private readonly jurisdictions: JurisdictionsService,
    private readonly events: EventReader,
    private readonly metrics: BeaconMetrics,
    private readonly local: LocalBroadcast,
    private readonly standing: UserStanding,
  ) {}

  afterInit(namespace: Namespace): void {
    this.local.attach(namespace);
    // Open links are checked against their users as stored (a deactivated account, a new jurisdiction).
    this.sweep = setInterval(() => void this.closeEndedLinks(), 3 * this.standing.periodMs);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweep);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0) return this.refuse(socket, 'UNAUTHENTICATED');
    let claims: JwtClaims;
    try {
      claims = await this.jwt.verifyAsync<JwtClaims>(token);
    } catch {
      return this.refuse(socket, 'TOKEN_INVALID');
    }
    let principal: UserPrincipal;
    try {
      principal = await this.standing.current(principalFromClaims(claims));
    } catch (err) {
      if (isSessionEnded(err)) return this.refuse(socket, 'SESSION_ENDED');
      // The store unreachable: no auth_error (the console would sign out), a plain close it comes back from.
      this.logger.warn({ err, id: socket.id }, 'realtime handshake: the user could not be read');
      socket.disconnect(true);
      return;
    }
    socket.data.principal = principal;
    // Sockets join only their own jurisdiction's room: events are emitted to their jurisdiction and every room above.
    await socket.join([jurisdictionRoom(principal.jurisdictionId), ALL_ROOM]);
    this.metrics.socketsConnected.inc();
    // A link lives no longer than its token. Closed then, the console comes back with its renewed token;
    // a console that was not renewed is refused.
    const expiresInMs = claims.exp === undefined ? null : claims.exp * 1000 - Date.now();
    const expiry = expiresInMs === null ? undefined : setTimeout(() => socket.disconnect(true), Math.min(Math.max(0, expiresInMs), MAX_TIMER_MS));
    socket.on('disconnect', () => {
      clearTimeout(expiry);
      this.metrics.socketsConnected.dec();
    });
    socket.emit('hello', { lastSeq: await this.events.lastSeq(), jurisdictionId: principal.jurisdictionId });
  }

  /**
   * Asks this instance's consoles to page the log from their last seq. Local only: the consoles of other
   * instances hear it from their own instance, since Redis, which links the instances, may be what is down.
   */
  askResync(reason: RealtimeResyncReason): void {
    const message: RealtimeResyncMessage = { reason };
    this.server.local.emit(REALTIME_RESYNC, message);
  }

  /**
   * A link whose account was deactivated meanwhile is refused; one whose jurisdiction changed is closed,
   * and its console, reconnecting, joins the rooms of the jurisdiction as stored now.
   */
  private async closeEndedLinks(): Promise<void> {
    for (const socket of this.server.sockets.values()) {
      const held = socket.data.principal as UserPrincipal | undefined;
      if (!held) continue;
      try {
        const now = await this.standing.current(held);
        if (now.jurisdictionId !== held.jurisdictionId) socket.disconnect(true);
      } catch (err) {
        // The store unreachable is no reason to cut the desk off: the next sweep asks again.
        if (isSessionEnded(err)) this.refuse(socket, 'SESSION_ENDED');
      }
    }
  }

  private refuse(socket: Socket, code: string): void {
    this.logger.warn({ code, id: socket.id }, 'realtime handshake refused');
    socket.emit('auth_error', { code });
    socket.disconnect(true);
  }
}
