import type { FastifyInstance } from 'fastify';
import { DomainError } from '@beacon/domain';
import { pathOfNulCharacter } from './nul-characters.js';

/** Largest request body accepted (an intake call is ~1 KB). */
export const BODY_LIMIT_BYTES = 1_048_576;

/**
 * Request bodies are JSON only: any other Content-Type is refused with 415 before a handler runs
 * (no form or text parser on the hot path). An empty JSON body is no body, as with Express, so a
 * POST that only names its target (acknowledge …) does not fail on a client that sends the header.
 * A string holding U+0000 is refused here, naming its field (nul-characters.ts), for every route.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  // Fastify's own parser: secure-json-parse refuses __proto__ / constructor.prototype keys.
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (req, body, done) => {
    if (body === '') {
      done(null, undefined);
      return;
    }
    parse(req, body as string, (err: Error | null, parsed?: unknown) => {
      const nulAt = err ? null : pathOfNulCharacter(body as string, parsed);
      if (nulAt === null) done(err, parsed);
      else done(DomainError.of('VALIDATION_FAILED', `${nulAt} must not contain the NUL character (U+0000)`, { [nulAt]: 'must not contain the NUL character (U+0000)' }), undefined);
    });
  });
}
