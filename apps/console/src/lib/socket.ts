import { io, type Socket } from 'socket.io-client';

/**
 * Opens the realtime namespace. The token travels in the handshake `auth`, never in the URL;
 * the server decides which rooms we join. It is read at every (re)connection, so a link that drops
 * after the session was renewed comes back with the current token, not the one it started with.
 */
export function createRealtimeSocket(token: () => string | null): Socket {
  return io(`${window.location.origin}/realtime`, {
    path: '/socket.io',
    auth: (cb) => cb({ token: token() }),
    transports: ['websocket'],
    autoConnect: false,
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    timeout: 8000,
  });
}
