import type { SelectQueryBuilder } from 'typeorm';
import type { IncidentEntity } from './incident.entity.js';

/** A term that reads as (part of) a phone number: digits with the separators people type. */
const PHONE_TERM = /^[\d\s()+-]+$/;
/** Fewer digits are in too many numbers (an incident's serial, a year) to be worth matching against callers' phones. */
const MIN_PHONE_DIGITS = 5;
/** Words of a search beyond these are ignored (each is one more condition). */
const MAX_SEARCH_WORDS = 5;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** The digits of a term that reads as a phone number (full-width digits read as digits), or '' if it does not. */
export function phoneDigitsOf(term: string): string {
  const text = term.normalize('NFKC');
  if (!PHONE_TERM.test(text)) return '';
  const digits = text.replace(/\D/g, '');
  return digits.length >= MIN_PHONE_DIGITS ? digits : '';
}

/**
 * `GET /api/incidents?q=`: every word of `term` in the incident's number, title or address, or in what
 * one of its calls carries — a source's case number (110 ringing to ask after its case), the caller's
 * name, the call's address or words; a term that reads as a phone number (138 1234-5678) matches the
 * callers' phones by their digits. `types` (named by the term in the console's language) match too.
 * A number first: the incident it names or whose call carries it as its case number, then those whose
 * number ends with it (0012 before the 12 inside every code's date), then the rest, newest first.
 */
export function matchSearch(qb: SelectQueryBuilder<IncidentEntity>, term: string, types: readonly string[] | undefined): void {
  const phoneDigits = phoneDigitsOf(term);
  const byType = types?.length ? ' OR i.type IN (:...types)' : '';
  const byPhone = phoneDigits ? ` OR regexp_replace(c.caller ->> 'phone', '\\D', '', 'g') LIKE :phone` : '';
  // An officer types keywords (地下室 进水): each must match somewhere. A phone number's spaces are not word breaks.
  const words = phoneDigits ? [term] : term.split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  words.forEach((word, n) => {
    const like = `:like${n}`;
    // A manual call's externalId is a random UUID: no case number anyone would search for.
    const inCalls = `EXISTS (SELECT 1 FROM calls c WHERE c.incident_id = i.id AND ((c.source <> 'manual' AND c.external_id ILIKE ${like})
        OR c.address ILIKE ${like} OR c.description ILIKE ${like} OR c.caller ->> 'name' ILIKE ${like}${byPhone}))`;
    qb.andWhere(`(i.code ILIKE ${like} OR i.title ILIKE ${like} OR i.address ILIKE ${like}${byType} OR ${inCalls})`, { [`like${n}`]: `%${escapeLike(word)}%` });
  });
  qb.setParameters({ types, phone: `%${phoneDigits}%`, exact: escapeLike(term), suffix: `%${escapeLike(term)}` });
  qb.orderBy(
    `CASE WHEN i.code ILIKE :exact OR EXISTS (SELECT 1 FROM calls c WHERE c.incident_id = i.id AND c.source <> 'manual' AND c.external_id ILIKE :exact) THEN 0
          WHEN i.code ILIKE :suffix THEN 1 ELSE 2 END`,
    'ASC',
  );
}
