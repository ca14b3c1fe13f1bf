import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Paths that belong to the API: they never fall back to the console's page. */
const API_PATH = /^\/(?:api|socket\.io)(?:[/?]|$)|^\/metrics(?:\?|$)/;
/**
 * Paths that name a file (an asset, anything with an extension): a missing one is a 404, not the page.
 * A browser still holding an older index.html asks for assets of the previous build; HTML served
 * as their JavaScript would leave a blank console instead of a clear failure.
 */
const FILE_PATH = /^\/assets\/|\.[a-z0-9]{1,8}(?:\?|$)/i;

/**
 * Serves the built console from the API's own origin (no internet needed): hashed assets cached
 * for a year, index.html for any other GET so a deep link opens the app. Unknown API paths and
 * missing files keep their JSON 404. A file built after start (the console rebuilt while the API runs)
 * is read from disk when asked for: index.html is read at each request, so its new assets must be too,
 * or every browser loading the new page would get a blank console.
 */
export async function serveConsole(app: NestFastifyApplication, dist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dist,
    // One route per built file (the console is a few dozen files), so the fallback below can be '/*'.
    wildcard: false,
    setHeaders: (reply, file) => {
      reply.header('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.getHttpAdapter().getInstance().get('/*', (req, reply) => {
    if (API_PATH.test(req.url)) return reply.callNotFound();
    // Not among the routes made at start: looked up in the build folder now (send keeps it inside), else 404.
    if (FILE_PATH.test(req.url)) {
      const file = decodedPath(req.url);
      return file === null ? reply.callNotFound() : reply.sendFile(file);
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}

/** A request's path, percent-decoded; null when its escapes are malformed (no file has such a name). */
function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url, 'http://console').pathname);
  } catch {
    return null;
  }
}
