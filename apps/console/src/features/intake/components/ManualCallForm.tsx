import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CALLER_PHONE_PATTERN, type Casualties, type IncidentCategory, type IncidentType, type IntakeCallResponse } from '@beacon/domain';
import { ErrorMessage, FieldError } from '../../../components/ErrorMessage';
import { useStore } from '../../../lib/store';
import { useAskBeforeUnload } from '../../../lib/useAskBeforeUnload';
import { uuid } from '../../../lib/uuid';
import { serverNowIso } from '../../../lib/serverClock';
import { clientValidationError, type ApiError } from '../../../lib/http';
import { collection, formatLngLat, pointFeature } from '../../map/geojson';
import { useGeoJsonLayers } from '../../map/hooks/useGeoJsonLayers';
import { useMapClick } from '../../map/hooks/useMapEvents';
import { useWriteState, variablesWith, withdrawWrites } from '../../connection/pendingActions';
import { CategoryTypeFields } from '../../incident/components/CategoryTypeFields';
import { FigureGrid } from '../../incident/components/FigureGrid';
import { NearbyList } from '../../incident/components/NearbyList';
import { readFigureInput } from '../../incident/figureInput';
import { figureProblemText } from '../../incident/figureProblemText';
import { openIncident } from '../../incident/selection';
import { useSubmitManualCall, type ManualCallRequest } from '../api/manualCall';
import { PICK_LAYERS } from '../layers';
import { closeManualCallAsking } from '../askBeforeDiscard';
import { manualCallStore } from '../manualCallStore';
import { OutsideAreaWarning } from './OutsideAreaWarning';
import { LinkResult } from './LinkResult';

const CASUALTY_FIELDS = ['deaths', 'seriousInjuries', 'injured', 'missing', 'trapped'] as const satisfies readonly (keyof Casualties)[];

interface Draft {
  address: string;
  category: IncidentCategory | '';
  type: IncidentType | '';
  description: string;
  phone: string;
  name: string;
  casualties: Record<(typeof CASUALTY_FIELDS)[number], string>;
}

const emptyDraft = (): Draft => ({
  address: '',
  category: '',
  type: '',
  description: '',
  phone: '',
  name: '',
  casualties: { deaths: '', seriousInjuries: '', injured: '', missing: '', trapped: '' },
});

/** True once anything has been typed or chosen. */
const hasContent = (d: Draft): boolean =>
  [d.address, d.description, d.phone, d.name, ...Object.values(d.casualties)].some((v) => v.trim() !== '') || d.category !== '' || d.type !== '';

/** 人工接警: a call taken by phone at the desk, located by a click on the map or an address. */
export function ManualCallForm() {
  const open = useStore(manualCallStore).open;
  return open ? <ManualCallBody /> : null;
}

function ManualCallBody() {
  const { t, i18n } = useTranslation();
  const state = useStore(manualCallStore);
  const submit = useSubmitManualCall();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<IntakeCallResponse | null>(null);
  // One id per call: a retry after a network failure is the same call, never a second one.
  const [externalId, setExternalId] = useState(uuid);
  const [receivedAt, setReceivedAt] = useState(serverNowIso);
  // This call's submission, from the mutation cache: sent offline it waits for the network (and may be
  // withdrawn, from here or the header's list of waiting actions).
  const isThisCall = variablesWith('externalId', externalId);
  const sending = useWriteState('manualCall', isThisCall);

  const location = state.location;
  useMapClick(state.picking && !sending.pending ? (at) => manualCallStore.set((s) => ({ ...s, location: at })) : null);
  const pickData = useMemo(() => collection(location ? [pointFeature('pick', location, {})] : []), [location]);
  useGeoJsonLayers({ sourceId: 'manual-pick', group: null, data: pickData, layers: PICK_LAYERS });

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  // Typed or picked, not sent and not on its way: closing asks before it is lost. A call on its way is
  // not lost (it goes when the network is back; a reload with it waiting is asked about by the desk).
  const dirty = result === null && !sending.pending && (location !== null || hasContent(draft));
  const sendingId = sending.pending ? externalId : null;
  useEffect(() => manualCallStore.set((s) => (s.dirty === dirty && s.sending === sendingId ? s : { ...s, dirty, sending: sendingId })), [dirty, sendingId]);
  // A reload or a closed tab would lose the call half taken: the browser asks first.
  useAskBeforeUnload(dirty);
  const close = () => closeManualCallAsking();

  function build(): ManualCallRequest | null {
    const problems: Record<string, string> = {};
    if (!location && !draft.address.trim()) problems.location = t('intake.needLocation');
    const casualties: Partial<Casualties> = {};
    for (const k of CASUALTY_FIELDS) {
      const raw = draft.casualties[k].trim();
      if (!raw) continue;
      const read = readFigureInput(k, raw);
      if ('problem' in read) problems[`casualties.${k}`] = figureProblemText(t, i18n.language, t(`figures.${k}`), read);
      else casualties[k] = read.value;
    }
    // The intake schema's own rule, checked here so the officer reads it in the UI language.
    if (draft.phone.trim() && !CALLER_PHONE_PATTERN.test(draft.phone.trim())) problems['caller.phone'] = t('errors.badPhone');
    if (Object.keys(problems).length > 0) {
      setLocalError(clientValidationError(problems, (first, count) => t('errors.andMore', { first, count })));
      return null;
    }
    const body: ManualCallRequest = { externalId, receivedAt };
    if (location) body.location = { lng: location.lng, lat: location.lat };
    if (draft.address.trim()) body.address = draft.address.trim();
    if (draft.category) body.category = draft.category;
    if (draft.type) body.type = draft.type;
    if (draft.description.trim()) body.description = draft.description.trim();
    if (Object.keys(casualties).length) body.casualties = casualties;
    if (draft.phone.trim() || draft.name.trim()) {
      body.caller = {};
      if (draft.phone.trim()) body.caller.phone = draft.phone.trim();
      if (draft.name.trim()) body.caller.name = draft.name.trim();
    }
    return body;
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setLocalError(null);
    const body = build();
    if (!body) return;
    submit.mutate(body, {
      onSuccess: (res) => {
        setResult(res);
        manualCallStore.set((s) => ({ ...s, picking: false }));
      },
    });
  }

  function reset() {
    setDraft(emptyDraft());
    setResult(null);
    setExternalId(uuid());
    setReceivedAt(serverNowIso());
    submit.reset();
    manualCallStore.set({ open: true, location: null, picking: true, dirty: false, sending: null });
  }

  const err = localError ?? submit.error;
  return (
    <aside className="manual-call" data-testid="manual-call-form">
      <header className="drawer-head">
        <h2>{t('intake.manualTitle')}</h2>
        <button type="button" className="btn btn-ghost close" onClick={close} title={`${t('common.close')} (Esc)`}>
          ✕
        </button>
      </header>
      {result ? (
        <LinkResult
          result={result}
          // The call is in: the form steps aside for the incident's drawer instead of covering it.
          onOpen={() => {
            if (close()) openIncident(result.incidentId);
          }}
          onAnother={reset}
          onClose={close}
        />
      ) : (
        <form className="manual-body" onSubmit={onSubmit} noValidate>
          {/* What is on its way cannot be changed any more: withdrawn, it can. */}
          <fieldset className="plain-fieldset" disabled={sending.pending}>
          <div className="field">
            <span>{t('intake.location')}</span>
            <div className={state.picking ? 'pick-hint picking' : 'pick-hint'} data-testid="pick-hint">
              {location ? (
                <span className="mono" data-testid="picked-location">
                  {formatLngLat(location)}
                </span>
              ) : (
                <span>{t('intake.clickMap')}</span>
              )}
              {location && (
                <button type="button" className="btn btn-xs" onClick={() => manualCallStore.set((s) => ({ ...s, location: null, picking: true }))}>
                  {t('intake.clearLocation')}
                </button>
              )}
            </div>
            <FieldError error={err} path="location" />
            <OutsideAreaWarning location={location} testId="location-outside" />
          </div>
          <label className="field">
            <span>{t('incident.address')}</span>
            <input name="address" value={draft.address} onChange={(e) => set('address', e.target.value)} placeholder={t('intake.addressPlaceholder')} />
            <FieldError error={err} path="address" />
          </label>
          <CategoryTypeFields
            category={draft.category}
            type={draft.type}
            error={err}
            onChange={(c, ty) => setDraft((d) => ({ ...d, category: c, type: ty }))}
          />
          <label className="field">
            <span>{t('intake.description')}</span>
            <textarea name="description" rows={3} value={draft.description} onChange={(e) => set('description', e.target.value)} />
            <FieldError error={err} path="description" />
          </label>
          <FigureGrid
            className="five"
            fields={CASUALTY_FIELDS}
            values={draft.casualties}
            prefix="casualties"
            inputMode="numeric"
            error={err}
            onChange={(k, v) => setDraft((d) => ({ ...d, casualties: { ...d.casualties, [k]: v } }))}
          />
          <div className="field-row">
            <label className="field">
              <span>{t('intake.callerPhone')}</span>
              <input name="callerPhone" inputMode="tel" value={draft.phone} onChange={(e) => set('phone', e.target.value)} />
              <FieldError error={err} path="caller.phone" />
            </label>
            <label className="field">
              <span>{t('intake.callerName')}</span>
              <input name="callerName" value={draft.name} onChange={(e) => set('name', e.target.value)} />
              <FieldError error={err} path="caller.name" />
            </label>
          </div>
          </fieldset>
          <ErrorMessage error={err} testId="manual-call-error" />
          {sending.queued && (
            <div className="queued-hint" data-testid="manual-call-queued">
              {t(sending.withdrawable ? 'intake.queuedHint' : 'intake.queuedMaybeSent')}
            </div>
          )}
          <div className="form-buttons">
            <button type="submit" className="btn btn-primary" disabled={sending.pending} data-testid="manual-call-submit">
              {sending.queued ? t('queued.waiting') : sending.pending ? t('common.working') : t('intake.submit')}
            </button>
            {sending.withdrawable ? (
              <button type="button" className="btn" data-testid="manual-call-withdraw" onClick={() => withdrawWrites(qc, 'manualCall', isThisCall)}>
                {t('intake.withdrawQueued')}
              </button>
            ) : (
              <button type="button" className="btn btn-ghost" onClick={close}>
                {t('common.cancel')}
              </button>
            )}
          </div>
          <section>
            <h3>{t('nearby.title')}</h3>
            <NearbyList at={location} />
          </section>
        </form>
      )}
    </aside>
  );
}
