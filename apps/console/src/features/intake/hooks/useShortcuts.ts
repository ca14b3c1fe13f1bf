import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { may } from '../../auth/session';
import { flyTo } from '../../map/flyTo';
import { useAcknowledge } from '../../incident/api/incidentMutations';
import { useVisibleQueue } from '../../incident/hooks/useVisibleQueue';
import { isUnacked } from '../../incident/model';
import { closeIncidentDrawer, incidentSelectionStore, openIncident, selectIncident } from '../../incident/selection';
import { createKeyboardAck } from '../keyboardAck';
import { frontPanelStore, panelTabStore } from '../../panel/panelStore';
import { closeManualCallAsking } from '../askBeforeDiscard';
import { manualCallStore, openManualCall } from '../manualCallStore';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Desk shortcuts: j/k move, a acknowledge, Enter open, n manual call, / find an incident, Esc leave a field, then close (asking before an unsent call is lost). */
export function useShortcuts(): void {
  // j/k move through the queue as narrowed (what the officer sees), and after `a` on to the next one there.
  const { visible: items, items: all } = useVisibleQueue();
  const ack = useAcknowledge();
  const qc = useQueryClient();
  const ref = useRef({ items, all, ack });
  ref.current = { items, all, ack };

  useEffect(() => {
    const keyboardAck = createKeyboardAck(qc, () => ref.current);

    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        // In a field Esc only leaves it: what was typed there stays, and the form stays open.
        if (isTyping(e.target)) {
          (e.target as HTMLElement).blur();
          return;
        }
        // The panel opened last closes first (on a narrow map it is the one showing).
        const drawerOpen = incidentSelectionStore.get().drawerOpen;
        if (drawerOpen && (frontPanelStore.get() === 'drawer' || !manualCallStore.get().open)) closeIncidentDrawer();
        else if (manualCallStore.get().open) closeManualCallAsking();
        return;
      }
      // Typing in a field is not a shortcut; a held key only repeats j/k.
      if (isTyping(e.target) || (e.repeat && e.key !== 'j' && e.key !== 'k')) return;
      const { items: list, all } = ref.current;
      const { selectedId } = incidentSelectionStore.get();
      const idx = list.findIndex((i) => i.id === selectedId);
      // `a` and Enter act on the selected incident even where the narrowed list leaves it out (opened from the map).
      const selected = all.find((i) => i.id === selectedId);

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
          if (selected && isUnacked(selected) && may('acknowledge') && keyboardAck.mayPress(selected.id)) keyboardAck.press(selected);
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
