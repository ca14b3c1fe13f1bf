// A lean keep-alive HTTP/1.1 POST client for load steps. The load generator shares this machine's cores
// with the API and Postgres, while the real callers (the 110/119/120 call-centre systems) run elsewhere;
// node:http's client (request objects, llhttp, agent bookkeeping) cost ~0.15 ms of CPU per request here,
// a tenth of everything a call costs. This one writes each request in one piece and reads just the status
// line, Content-Length (or chunked framing) and body: enough for the JSON answers the benches check.
import net from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Same shape as httpPoster in open-loop.mjs: at most `connections` sockets, opened as needed and kept
 * alive; requests beyond them wait in order for a free one.
 * @returns {{ post: (path: string, headers: Record<string,string>, body: string, timeoutMs?: number) => Promise<{status: number, body: string}>, close: () => void }}
 */
export function rawHttpPoster(baseUrl, connections) {
  const u = new URL(baseUrl);
  const host = u.hostname;
  const port = Number(u.port || 80);
  const hostHeader = `Host: ${u.host}\r\n`;
  const conns = new Set();
  const idle = [];
  const waiting = [];
  let closed = false;

  const sweep = setInterval(() => {
    const now = performance.now();
    for (const c of conns) {
      if (c.current && now > c.current.deadline) c.sock.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' }));
    }
  }, 100);
  sweep.unref();

  function open() {
    const conn = { sock: net.connect({ host, port }), buf: null, current: null, dead: false };
    conn.sock.setNoDelay(true);
    conns.add(conn);
    conn.sock.on('connect', () => next(conn));
    conn.sock.on('data', (chunk) => {
      conn.buf = conn.buf ? Buffer.concat([conn.buf, chunk]) : chunk;
      parse(conn);
    });
    conn.sock.on('error', (err) => drop(conn, err));
    conn.sock.on('close', () => drop(conn, Object.assign(new Error('socket closed'), { code: 'ECONNRESET' })));
  }

  function drop(conn, err) {
    if (conn.dead) return;
    conn.dead = true;
    conns.delete(conn);
    const i = idle.indexOf(conn);
    if (i >= 0) idle.splice(i, 1);
    if (conn.current) conn.current.reject(err);
    conn.current = null;
    conn.sock.destroy();
    if (!closed && waiting.length && conns.size < connections) open();
  }

  /** Gives the connection the next waiting request, or parks it. */
  function next(conn) {
    if (conn.dead) return;
    const job = waiting.shift();
    if (!job) {
      idle.push(conn);
      return;
    }
    conn.current = job;
    job.deadline = performance.now() + job.timeoutMs;
    conn.sock.write(job.request);
  }

  function parse(conn) {
    while (conn.current && conn.buf) {
      const buf = conn.buf;
      const headEnd = buf.indexOf(HEADER_END);
      if (headEnd < 0) return;
      const head = buf.toString('latin1', 0, headEnd);
      const status = Number(head.slice(9, 12));
      const lower = head.toLowerCase();
      const lengthMatch = /\r\ncontent-length:\s*(\d+)/.exec(lower);
      let body;
      let rest;
      if (lengthMatch) {
        const start = headEnd + 4;
        const end = start + Number(lengthMatch[1]);
        if (buf.length < end) return;
        body = buf.toString('utf8', start, end);
        rest = end;
      } else if (/\r\ntransfer-encoding:\s*chunked/.test(lower)) {
        const chunks = [];
        let at = headEnd + 4;
        for (;;) {
          const lineEnd = buf.indexOf('\r\n', at, 'latin1');
          if (lineEnd < 0) return;
          const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
          if (buf.length < lineEnd + 2 + size + 2) return;
          if (size === 0) {
            rest = lineEnd + 4;
            break;
          }
          chunks.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
          at = lineEnd + 2 + size + 2;
        }
        body = Buffer.concat(chunks).toString('utf8');
      } else {
        drop(conn, new Error(`response without Content-Length or chunked framing: ${head.split('\r\n')[0]}`));
        return;
      }
      conn.buf = rest < buf.length ? buf.subarray(rest) : null;
      const job = conn.current;
      conn.current = null;
      job.resolve({ status, body });
      if (/\r\nconnection:\s*close/.test(lower)) drop(conn, new Error('closed by server'));
      else next(conn);
    }
  }

  const post = (path, headers, body, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error('poster closed'));
      let head = `POST ${path} HTTP/1.1\r\n${hostHeader}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
      for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
      waiting.push({ request: `${head}\r\n${body}`, resolve, reject, timeoutMs, deadline: 0 });
      const free = idle.pop();
      if (free) next(free);
      else if (conns.size < connections) open();
    });

  const close = () => {
    closed = true;
    clearInterval(sweep);
    for (const job of waiting.splice(0)) job.reject(new Error('poster closed'));
    for (const c of [...conns]) drop(c, new Error('poster closed'));
  };
  return { post, close };
}
