import { onlineManager, useQueryClient } from '@tanstack/react-query';
import type { IncidentDto } from '@beacon/domain';
import { useEffect, useRef } from 'react';
import i18n from '../../../i18n';
import { errorText } from '../../../components/ErrorMessage';
import { actionOf, isActionPending, isAlreadyAcknowledged, writeKey } from '../../connection/pendingActions';
import { reportedByQueue } from '../../connection/queuedOutcomes';
import { pushNotice } from '../../notices/noticeStore';
import { may } from '../../auth/session';
import { flyTo } from '../../map/flyTo';
import { useAcknowledge } from '../../incident/api/incidentMutations';
import { useQueue } from '../../incident/hooks/useQueue';
import { isUnacked } from '../../incident/model';
import { nextUnacked } from '../../incident/queueNavigation';
import { closeIncidentDrawer, incidentSelectionStore, openIncident, selectIncident } from '../../incident/selection';
import { panelTabStore } from '../../panel/panelStore';
import { closeManualCallAsking } from '../askBeforeDiscard';
import { manualCallStore, openManualCall } from '../manualCallStore';

const JUST_ACKED_MS = 5000;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Desk shortcuts: j/k move, a acknowledge, Enter open, n manual call, / find an incident, Esc leave a field, then close (asking before an unsent call is lost). */
export function useShortcuts(): void {
  const { items } = useQueue();
  const ack = useAcknowledge();
  const qc = useQueryClient();
  const ref = useRef({ items, ack });
  ref.current = { items, ack };

  useEffect(() => {
    // When this desk's `a` last had each incident acknowledged: a press again before the queue shows it
    // is no new request (an undone merge can make it unacknowledged again later, so only for a moment).
    const ackedHere = new Map<string, number>();
    const justAcked = (id: string) => Date.now() - (ackedHere.get(id) ?? -Infinity) < JUST_ACKED_MS;
    /**
     * Acknowledges the selected incident and, once that is settled, moves the selection on to the next
     * one waiting. Each press is its own request (a second incident acknowledged before the first is
     * answered is not lost); someone else's acknowledgement first counts as done; a failure is said.
     */
    const acknowledgeAndMoveOn = (selected: IncidentDto) => {
      const acked = selected.id;
      const next = nextUnacked(ref.current.items, acked);
      let movedOn = false;
      const moveOn = () => {
        if (movedOn) return;
        movedOn = true;
        // On to the next one waiting, if the officer is still on this card in the queue (not reading it in the drawer).
        const { selectedId: still, drawerOpen } = incidentSelectionStore.get();
        if (still !== acked || drawerOpen) return;
        // `next` was chosen from the queue as the officer saw it; the queue as last rendered (it may not
        // show this acknowledgement yet) only says whether it still waits, or offers another.
        const now = ref.current.items;
        const target = now.find((i) => i.id === next && isUnacked(i)) ? next : nextUnacked(now, acked);
        if (target) selectIncident(target);
      };
      // Offline the request waits for the network (the header lists it): the officer goes on meanwhile.
      if (!onlineManager.isOnline()) {
        pushNotice('info', i18n.t('queued.ackQueued', { code: selected.code }), writeKey('acknowledge', acked));
        moveOn();
      }
      const sent = ref.current.ack.mutateAsync(acked);
      // This press's write, to tell at its end whether the queue reports it (it waited or was tried again).
      const write = qc.getMutationCache().findAll({ predicate: (m) => actionOf(m) === 'acknowledge' && m.state.variables === acked }).at(-1);
      sent.then(
        () => {
          for (const [id, at] of ackedHere) if (Date.now() - at >= JUST_ACKED_MS) ackedHere.delete(id);
          ackedHere.set(acked, Date.now());
          moveOn();
        },
        (err: unknown) => {
          const already = isAlreadyAcknowledged(err);
          if (already) moveOn();
          if (write && reportedByQueue(write)) return;
          if (already) pushNotice('info', i18n.t('notice.alreadyAcked', { code: selected.code }), writeKey('acknowledge', acked));
          else pushNotice('error', i18n.t('notice.ackFailed', { code: selected.code, error: errorText(i18n.t, err) }), writeKey('acknowledge', acked));
        },
      );
    };

    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        // In a field Esc only leaves it: what was typed there stays, and the form stays open.
        if (isTyping(e.target)) {
          (e.target as HTMLElement).blur();
          return;
        }
        if (manualCallStore.get().open) closeManualCallAsking();
        else if (incidentSelectionStore.get().drawerOpen) closeIncidentDrawer();
        return;
      }
      // Typing in a field is not a shortcut; a held key only repeats j/k.
      if (isTyping(e.target) || (e.repeat && e.key !== 'j' && e.key !== 'k')) return;
      const { items: list } = ref.current;
      const { selectedId } = incidentSelectionStore.get();
      const idx = list.findIndex((i) => i.id === selectedId);
      const selected = idx >= 0 ? list[idx] : undefined;

      switch (e.key) {
        case 'j':
        case 'k': {
          if (list.length === 0) return;
          const next = idx < 0 ? 0 : Math.min(list.length - 1, Math.max(0, idx + (e.key === 'j' ? 1 : -1)));
          const item = list[next];
          if (!item) return;
          // Moving through the queue is the desk's mode: a button left focused (a toggle clicked earlier)
          // lets go, so the Enter that follows opens the incident instead of pressing that button again.
          if (e.target instanceof HTMLButtonElement) e.target.blur();
          panelTabStore.set('intake');
          selectIncident(item.id);
          if (incidentSelectionStore.get().drawerOpen) openIncident(item.id);
          e.preventDefault();
          return;
        }
        case 'a':
          // Not again while its acknowledgement is on its way, nor once answered (the queue may not show it yet).
          if (selected && isUnacked(selected) && may('acknowledge') && !isActionPending(qc, 'acknowledge', selected.id) && !justAcked(selected.id)) {
            acknowledgeAndMoveOn(selected);
          }
          e.preventDefault();
          return;
        case 'Enter':
          if (!selected || e.target instanceof HTMLButtonElement) return;
          openIncident(selected.id);
          flyTo(selected.location);
          e.preventDefault();
          return;
        case 'n':
          if (may('manualCall')) openManualCall();
          e.preventDefault();
          return;
        case '/': {
          // The search sits on the intake tab: show it, then type.
          panelTabStore.set('intake');
          // At once when the box is on screen, so the next keys type into it; after the tab renders otherwise.
          const box = () => document.querySelector<HTMLInputElement>('input[name="incidentSearch"]');
          if (box()) box()!.focus();
          else requestAnimationFrame(() => box()?.focus());
          e.preventDefault();
          return;
        }
        default:
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [qc]);
}
