import { io, type Socket } from 'socket.io-client';

/**
 * Opens the realtime namespace. The token travels in the handshake `auth`, never in the URL;
 * the server decides which rooms we join.
 */
export function createRealtimeSocket(token: string): Socket {
  return io(`${window.location.origin}/realtime`, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    autoConnect: false,
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    timeout: 8000,
  });
}
