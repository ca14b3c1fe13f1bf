import { onlineManager, type QueryClient } from '@tanstack/react-query';
import type { IncidentDto } from '@beacon/domain';
import i18n from '../../i18n';
import { errorText } from '../../components/ErrorMessage';
import { actionOf, isActionPending, isAlreadyAcknowledged, writeKey } from '../connection/pendingActions';
import { reportedByQueue } from '../connection/queuedOutcomes';
import { isUnacked } from '../incident/model';
import { nextUnacked } from '../incident/queueNavigation';
import { incidentSelectionStore, selectIncident } from '../incident/selection';
import { pushNotice } from '../notices/noticeStore';

const JUST_ACKED_MS = 5000;

interface Desk {
  /** The queue as last rendered. */
  items: IncidentDto[];
  /** useAcknowledge's: one request per call, each with its own outcome. */
  ack: { mutateAsync: (id: string) => Promise<unknown> };
}

/** The desk's `a`: acknowledge the selected incident and move on to the next one waiting. */
export function createKeyboardAck(qc: QueryClient, desk: () => Desk) {
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
    const next = nextUnacked(desk().items, acked);
    let movedOn = false;
    const moveOn = () => {
      if (movedOn) return;
      movedOn = true;
      // On to the next one waiting, if the officer is still on this card in the queue (not reading it in the drawer).
      const { selectedId: still, drawerOpen } = incidentSelectionStore.get();
      if (still !== acked || drawerOpen) return;
      // `next` was chosen from the queue as the officer saw it; the queue as last rendered (it may not
      // show this acknowledgement yet) only says whether it still waits, or offers another.
      const now = desk().items;
      const target = now.find((i) => i.id === next && isUnacked(i)) ? next : nextUnacked(now, acked);
      if (target) selectIncident(target);
    };
    // Offline the request waits for the network (the header lists it): the officer goes on meanwhile.
    if (!onlineManager.isOnline()) {
      pushNotice('info', i18n.t('queued.ackQueued', { code: selected.code }), writeKey('acknowledge', acked));
      moveOn();
    }
    const sent = desk().ack.mutateAsync(acked);
    // This press's write, to tell at its end whether the queue reports it (it waited or was tried again).
    const write = qc.getMutationCache().findAll({ predicate: (m) => actionOf(m) === 'acknowledge' && m.state.variables === acked }).at(-1);
    sent.then(
      () => {
        for (const [id, at] of ackedHere) if (Date.now() - at >= JUST_ACKED_MS) ackedHere.delete(id);
        ackedHere.set(acked, Date.now());
        moveOn();
        // Said, one line for all presses: a key acts on the selected card, which may not be in view (a
        // form in front of the drawer, a long queue), and escalation stops with it.
        if (!(write && reportedByQueue(write))) pushNotice('info', i18n.t('notice.acked', { code: selected.code }), 'keyboard-ack');
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

  return {
    /** Not again while its acknowledgement is on its way, nor once answered (the queue may not show it yet). */
    mayPress: (id: string) => !isActionPending(qc, 'acknowledge', id) && !justAcked(id),
    press: acknowledgeAndMoveOn,
  };
}
