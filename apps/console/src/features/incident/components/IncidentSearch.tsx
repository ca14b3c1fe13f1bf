import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { IncidentDto } from '@beacon/domain';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { flyTo } from '../../map/flyTo';
import { SEARCH_PAGE, incidentSearchQuery, isSearchable, useIncidentSearch } from '../api/incidentQueries';
import { useIncidentTitle } from '../hooks/useIncidentTitle';
import { revealInQueue } from '../queueFilter';
import { openIncident } from '../selection';
import { typesNamed } from '../typesNamed';
import { GradeBadge, StatusBadge } from './Badges';

/** Waits for a pause in typing, so a number typed digit by digit is one search. */
function useSettled(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * 查找警情: any incident by number, title or address, merged and closed ones too — the way back to an
 * incident that has left the queue (to undo a merge, or read what happened). `/` puts the cursor here.
 */
export function IncidentSearch() {
  const { t } = useTranslation();
  const titleOf = useIncidentTitle();
  const qc = useQueryClient();
  const [term, setTerm] = useState('');
  // The results show while the search has focus: a click on the map or a card puts them away (the term
  // stays; back in the box, they show again, asked again if older than a few seconds).
  const [focused, setFocused] = useState(false);
  const settled = useSettled(term);
  // Types named in the UI's language match too (titles are stored in Chinese).
  const typesFor = (text: string) => typesNamed(text, (type) => t(`type.${type}`));
  const search = useIncidentSearch(settled, typesFor(settled), focused);
  const active = isSearchable(term) && focused;
  // Results of an older term (typing outran the pause) are not shown as this term's.
  const current = settled.trim() === term.trim();
  const results = active && current ? (search.data ?? []) : [];

  const pick = (i: IncidentDto) => {
    setTerm('');
    // The desk's keys (a, j, k) act on the queue again, not type into the box.
    (document.activeElement as HTMLElement | null)?.blur();
    revealInQueue(i);
    openIncident(i.id);
    flyTo(i.location);
  };

  // Enter acts on what is typed now: a number typed fast and entered at once opens that incident, not the previous term's first hit.
  const pickFirst = async () => {
    if (!isSearchable(term)) return;
    // A failure shows under the box (the same query's error); Enter then does nothing.
    const found = await qc.fetchQuery(incidentSearchQuery(term, typesFor(term))).catch(() => []);
    if (found[0]) pick(found[0]);
  };

  return (
    <div
      className="incident-search"
      data-testid="incident-search"
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        // Focus moving to a result stays within: the click on it still lands.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <input
        type="search"
        name="incidentSearch"
        value={term}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        title={t('search.hint')}
        onChange={(e) => setTerm(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void pickFirst();
          // Esc leaves the field (the desk's shortcut); the search goes with it.
          if (e.key === 'Escape') setTerm('');
        }}
      />
      {active && (
        // Pressing a result keeps the focus in the box (a browser that does not focus buttons, Safari, would
        // otherwise put the results away before the click lands).
        <div className="search-results" role="listbox" aria-label={t('search.label')} onMouseDown={(e) => e.preventDefault()}>
          <ErrorMessage error={search.error} />
          {search.fetchStatus === 'paused' && results.length === 0 && <div className="muted">{t('common.offlineWaiting')}</div>}
          {search.fetchStatus !== 'paused' && (search.isFetching || !current) && results.length === 0 && <div className="muted">{t('common.loading')}</div>}
          {current && !search.isFetching && search.data && results.length === 0 && <div className="muted">{t('search.none')}</div>}
          {results.length >= SEARCH_PAGE && <div className="muted small">{t('search.more', { count: SEARCH_PAGE })}</div>}
          {results.map((i) => (
            <button key={i.id} type="button" role="option" aria-selected={false} className="search-result" data-testid="search-result" data-incident-id={i.id} onClick={() => pick(i)}>
              <span className="mono">{i.code}</span>
              <GradeBadge grade={i.grade} long={false} />
              <StatusBadge status={i.status} />
              <span className="search-title">{titleOf(i)}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
