/** `GET /api/time`: the command center's clock, which every timestamp on screen is compared with. */
export interface ServerTimeResponse {
  /** The server's time when it answered (ISO 8601, UTC, milliseconds). */
  now: string;
}
