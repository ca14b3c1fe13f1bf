import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDto, UpdateIncidentRequest } from '@beacon/domain';
import { FieldError } from '../../../../components/ErrorMessage';
import { clientValidationError, type ApiError } from '../../../../lib/http';
import { collection, formatLngLat, pointFeature } from '../../../map/geojson';
import { useGeoJsonLayers } from '../../../map/hooks/useGeoJsonLayers';
import { useMapClick } from '../../../map/hooks/useMapEvents';
import { pickLayers } from '../../../intake/layers';
import { useStore } from '../../../../lib/store';
import { manualCallStore } from '../../../intake/manualCallStore';
import { useUpdateIncident } from '../../api/incidentMutations';
import { CategoryTypeFields } from '../CategoryTypeFields';
import { FigureGrid } from '../FigureGrid';
import { useActionState } from '../../../connection/pendingActions';
import { ActionForm } from './ActionForm';
import { ReasonField } from './ReasonField';
import { editDraft, followUntouched, incidentUpdate, withOthersChanges, type IncidentEditDraft } from '../../incidentEdit';
import { figureProblemText } from '../../figureProblemText';
import { FIGURE_FIELDS } from './figureFields';
import { OutsideAreaWarning } from '../../../intake/components/OutsideAreaWarning';

const EDIT_PICK_LAYERS = pickLayers('edit-pick');

/**
 * Edit category/type/title/location (picked on the map)/address/figures. Only what the officer changed
 * since the form opened is sent (incidentUpdate): the drawer's incident updates live, and a field another
 * officer changed meanwhile must not be written back with the value this form opened with.
 */
export function EditForm({ incident, onDone }: { incident: IncidentDto; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const m = useUpdateIncident();
  // From the mutation cache: a write withdrawn from the queue frees this form; reopened, it shows one still waiting.
  const write = useActionState('edit', incident.id);
  // The incident as this form's values were taken from it; a field moves on when the officer is shown another's change to it.
  const [opened, setOpened] = useState(incident);
  const [draft, setDraft] = useState<IncidentEditDraft>(() => editDraft(incident));
  const set = <K extends keyof IncidentEditDraft>(k: K, v: IncidentEditDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  // The incident moved on while the form is open (a linked call, another officer): fields left alone show it as it is now.
  const [seenVersion, setSeenVersion] = useState(incident.version);
  const [followed, setFollowed] = useState<string[]>([]);
  if (incident.id === opened.id && incident.version > seenVersion) {
    const next = followUntouched(opened, incident, draft);
    setSeenVersion(incident.version);
    setOpened(next.opened);
    setDraft(next.draft);
    if (next.followed.length) setFollowed((f) => [...new Set([...f, ...next.followed])]);
  }
  const [localError, setLocalError] = useState<ApiError | null>(null);
  // A corrected position: picked on the map while `picking` (a caller's GPS or a call center's geocoding can be wrong).
  const [picking, setPicking] = useState(false);
  const location = draft.location;
  // One click places one thing: while a manual call is being taken, its form owns the map's clicks.
  const manualOpen = useStore(manualCallStore).open;
  useMapClick(picking && !manualOpen ? (at) => set('location', at) : null);
  const shownLocation = location ?? incident.location;
  const pickData = useMemo(() => collection(location ? [pointFeature('edit-pick', location, {})] : []), [location]);
  useGeoJsonLayers({ sourceId: 'edit-pick', group: null, data: pickData, layers: EDIT_PICK_LAYERS });

  function build(): UpdateIncidentRequest | null {
    const outcome = incidentUpdate(opened, incident, draft);
    if ('body' in outcome) return outcome.body;
    const messages: Record<string, string> = {};
    for (const [path, problem] of Object.entries(outcome.problems)) {
      messages[path] =
        problem.kind === 'figure'
          ? figureProblemText(t, i18n.language, t(path), problem)
          : t('incident.changedMeanwhile', { value: path === 'category' || path === 'type' ? t(`${path}.${problem.now}`, { defaultValue: problem.now }) : problem.now });
    }
    // Shown the other officer's values, the officer's next submit of those fields is deliberate.
    const changedMeanwhile = Object.entries(outcome.problems).filter(([, p]) => p.kind === 'changedMeanwhile').map(([path]) => path);
    if (changedMeanwhile.length) setOpened(withOthersChanges(opened, incident, changedMeanwhile));
    setLocalError(clientValidationError(messages, (first, count) => t('errors.andMore', { first, count })));
    return null;
  }

  return (
    <ActionForm
      title={t('action.edit')}
      testId="edit-form"
      write={write}
      error={localError ?? m.error}
      canSubmit
      onCancel={onDone}
      onSubmit={() => {
        setLocalError(null);
        const body = build();
        if (body) m.mutate({ id: incident.id, body }, { onSuccess: onDone });
      }}
    >
      {followed.length > 0 && (
        <div className="muted small" data-testid="edit-followed">
          {t('incident.followedOthers', { fields: followed.map((path) => t(path.startsWith('figures.') ? path : `field.${path}`)).join(t('common.listSeparator')) })}
        </div>
      )}
      <label className="field">
        <span>{t('incident.title')}</span>
        <input name="title" value={draft.title} onChange={(e) => set('title', e.target.value)} />
        <FieldError error={localError ?? m.error} path="title" />
      </label>
      <div className="field">
        <span>{t('intake.location')}</span>
        <div className={picking ? 'pick-hint picking' : 'pick-hint'} data-testid="edit-location">
          <span className="mono">
            {shownLocation ? formatLngLat(shownLocation) : t('incident.noLocation')}
          </span>
          {picking && !manualOpen ? (
            <span>{t('incident.pickNewLocation')}</span>
          ) : (
            <button type="button" className="btn btn-xs" data-testid="edit-relocate" disabled={manualOpen} onClick={() => setPicking(true)}>
              {t('incident.relocate')}
            </button>
          )}
          {location && (
            <button type="button" className="btn btn-xs" onClick={() => { set('location', null); setPicking(false); }}>
              {t('incident.keepLocation')}
            </button>
          )}
        </div>
        <FieldError error={localError ?? m.error} path="location" />
        <OutsideAreaWarning location={location} testId="edit-location-outside" />
      </div>
      <label className="field">
        <span>{t('incident.address')}</span>
        <input name="address" value={draft.address} onChange={(e) => set('address', e.target.value)} />
        <FieldError error={localError ?? m.error} path="address" />
      </label>
      <CategoryTypeFields
        category={draft.category}
        type={draft.type}
        error={localError ?? m.error}
        allowEmpty={!incident.category}
        onChange={(c, ty) => setDraft((d) => ({ ...d, category: c, type: ty }))}
      />
      <FigureGrid
        fields={FIGURE_FIELDS}
        values={draft.figures}
        prefix="figures"
        inputMode="decimal"
        error={localError ?? m.error}
        onChange={(k, v) => setDraft((d) => ({ ...d, figures: { ...d.figures, [k]: v } }))}
      />
      <ReasonField value={draft.reason} onChange={(v) => set('reason', v)} error={m.error} required={false} />
    </ActionForm>
  );
}
