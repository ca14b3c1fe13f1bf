// The fan-out reference: a bare `ws` WebSocketServer in its own process (as the API is), broadcasting
// whatever the parent sends over IPC with the plain `for (client of clients) client.send(data)` loop.
// It reports the epoch time taken just before the loop, so the parent can time delivery on its clients.
import { WebSocketServer } from 'ws';

const nowEpochMs = () => performance.timeOrigin + performance.now();
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });

wss.on('listening', () => process.send({ type: 'listening', port: wss.address().port }));
process.on('message', (msg) => {
  if (msg.type === 'broadcast') {
    const t0 = nowEpochMs();
    for (const client of wss.clients) client.send(msg.data);
    process.send({ type: 'sent', index: msg.index, t0, loopMs: nowEpochMs() - t0, clients: wss.clients.size });
  } else if (msg.type === 'close') {
    for (const client of wss.clients) client.terminate();
    wss.close(() => process.exit(0));
  }
});
// The parent going away must not leave this server behind.
process.on('disconnect', () => process.exit(0));
