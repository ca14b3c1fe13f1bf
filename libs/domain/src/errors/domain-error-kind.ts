/**
 * What sort of failure a domain error is. The API maps kind → HTTP status in one place
 * (invalid 400, unauthorized 401, forbidden 403, not_found 404, conflict 409, unprocessable 422);
 * the domain itself knows nothing about HTTP.
 */
export const DOMAIN_ERROR_KINDS = ['invalid', 'not_found', 'conflict', 'forbidden', 'unauthorized', 'unprocessable'] as const;
export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];
