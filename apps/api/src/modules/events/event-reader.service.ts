import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventPage } from '@beacon/domain';
import { EVENT_COLUMNS, envelopeOf, type EventRow } from './event-row.js';

@Injectable()
export class EventReader {
  constructor(private readonly ds: DataSource) {}

  /** Events after `after` that a holder of `visible` jurisdictions may see (null-jurisdiction events are global). */
  async page(after: number, limit: number, visible: string[]): Promise<EventPage> {
    // The head first: seq order is commit order (the append lock), so every event up to it has
    // committed before the page is read, and a page that finds nothing more may move its cursor there.
    const head = await this.lastSeq();
    const rows: EventRow[] = await this.ds.query(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE seq > $1 AND (jurisdiction_id IS NULL OR jurisdiction_id = ANY($2::uuid[]))
        ORDER BY seq LIMIT $3`,
      [after, visible, limit + 1],
    );
    const hasMore = rows.length > limit;
    const events = rows.slice(0, limit).map(envelopeOf);
    const pageEnd = events.at(-1)?.seq ?? after;
    return { events, lastSeq: head, hasMore, nextAfter: hasMore ? pageEnd : Math.max(pageEnd, head) };
  }

  async forAggregate(type: string, id: string): Promise<ReturnType<typeof envelopeOf>[]> {
    const rows: EventRow[] = await this.ds.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE aggregate_type = $1 AND aggregate_id = $2 ORDER BY seq`,
      [type, id],
    );
    return rows.map(envelopeOf);
  }

  async lastSeq(): Promise<number> {
    const [{ last }] = (await this.ds.query('SELECT COALESCE(MAX(seq), 0) AS last FROM events')) as [{ last: string }];
    return Number(last);
  }
}
