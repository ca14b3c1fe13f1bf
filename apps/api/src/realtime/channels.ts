/** Rooms are chosen by the server, never by the client. */
export const jurisdictionRoom = (id: string) => `j:${id}`;
export const ALL_ROOM = 'all';
export const REALTIME_NAMESPACE = '/realtime';
export const adapterKey = (prefix: string) => `${prefix}:socket.io`;
