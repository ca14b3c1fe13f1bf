import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';

/**
 * This instance's own sockets, reached without the Redis round trip: the publisher hands each committed
 * broadcast here and to Redis for the other instances, and the adapter skips the copy that comes back
 * (adapterJsonParser). A process that serves no sockets (the worker role) has no namespace attached.
 */
@Injectable()
export class LocalBroadcast {
  private namespace?: Namespace;

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /** Emits to this instance's sockets in any of `rooms`; with none here the packet is not even encoded. */
  deliver(rooms: string[], event: string, payload: unknown): void {
    const namespace = this.namespace;
    if (!namespace) return;
    const here = namespace.adapter.rooms;
    if (!rooms.some((room) => here.has(room))) return;
    namespace.local.to(rooms).emit(event, payload);
  }
}
