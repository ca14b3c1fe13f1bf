import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentCategory, IncidentDto, IncidentFigures, IncidentType, LngLat, UpdateIncidentRequest } from '@beacon/domain';
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
import { ActionForm } from './ActionForm';
import { ReasonField } from './ReasonField';
import { FIGURE_FIELDS, NULLABLE_FIGURES } from './figureFields';

type FigureDraft = Record<keyof IncidentFigures, string>;

const EDIT_PICK_LAYERS = pickLayers('edit-pick');

function toDraft(f: IncidentFigures): FigureDraft {
  const out = {} as FigureDraft;
  for (const k of FIGURE_FIELDS) out[k] = f[k] === null || f[k] === undefined ? '' : String(f[k]);
  return out;
}

/** Edit category/type/title/location (picked on the map)/address/figures; only changed fields are sent. */
export function EditForm({ incident, onDone }: { incident: IncidentDto; onDone: () => void }) {
  const { t } = useTranslation();
  const m = useUpdateIncident();
  const [category, setCategory] = useState<IncidentCategory | ''>(incident.category ?? '');
  const [type, setType] = useState<IncidentType | ''>(incident.type ?? '');
  const [title, setTitle] = useState(incident.title);
  const [address, setAddress] = useState(incident.address ?? '');
  const [figures, setFigures] = useState<FigureDraft>(() => toDraft(incident.figures));
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<ApiError | null>(null);
  // A corrected position: picked on the map while `picking` (a caller's GPS or a call center's geocoding can be wrong).
  const [location, setLocation] = useState<LngLat | null>(null);
  const [picking, setPicking] = useState(false);
  // One click places one thing: while a manual call is being taken, its form owns the map's clicks.
  const manualOpen = useStore(manualCallStore).open;
  useMapClick(picking && !manualOpen ? (at) => setLocation(at) : null);
  const shownLocation = location ?? incident.location;
  const pickData = useMemo(() => collection(location ? [pointFeature('edit-pick', location, {})] : []), [location]);
  useGeoJsonLayers({ sourceId: 'edit-pick', group: null, data: pickData, layers: EDIT_PICK_LAYERS });

  function build(): UpdateIncidentRequest | null {
    const body: UpdateIncidentRequest = {};
    if (category && category !== incident.category) body.category = category;
    if (type && type !== incident.type) body.type = type;
    if (title.trim() && title.trim() !== incident.title) body.title = title.trim();
    if (address.trim() !== (incident.address ?? '')) body.address = address.trim();
    if (location) body.location = { lng: location.lng, lat: location.lat };
    const changed: Partial<IncidentFigures> = {};
    for (const k of FIGURE_FIELDS) {
      const raw = figures[k].trim();
      const before = incident.figures[k];
      if (raw === '') {
        if (NULLABLE_FIGURES.has(k) && before !== null) (changed as Record<string, number | null>)[k] = null;
        continue;
      }
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) {
        setLocalError(clientValidationError({ [`figures.${k}`]: t('errors.badNumber', { field: t(`figures.${k}`) }) }));
        return null;
      }
      if (n !== before) (changed as Record<string, number | null>)[k] = n;
    }
    if (Object.keys(changed).length > 0) body.figures = changed;
    if (reason.trim()) body.reason = reason.trim();
    return body;
  }

  return (
    <ActionForm
      title={t('action.edit')}
      testId="edit-form"
      pending={m.isPending}
      error={localError ?? m.error}
      canSubmit
      onCancel={onDone}
      onSubmit={() => {
        setLocalError(null);
        const body = build();
        if (body) m.mutate({ id: incident.id, body }, { onSuccess: onDone });
      }}
    >
      <label className="field">
        <span>{t('incident.title')}</span>
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
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
            <button type="button" className="btn btn-xs" onClick={() => { setLocation(null); setPicking(false); }}>
              {t('incident.keepLocation')}
            </button>
          )}
        </div>
        <FieldError error={localError ?? m.error} path="location" />
      </div>
      <label className="field">
        <span>{t('incident.address')}</span>
        <input name="address" value={address} onChange={(e) => setAddress(e.target.value)} />
        <FieldError error={localError ?? m.error} path="address" />
      </label>
      <CategoryTypeFields
        category={category}
        type={type}
        error={m.error}
        allowEmpty={!incident.category}
        onChange={(c, ty) => {
          setCategory(c);
          setType(ty);
        }}
      />
      <FigureGrid
        fields={FIGURE_FIELDS}
        values={figures}
        prefix="figures"
        inputMode="decimal"
        error={localError ?? m.error}
        onChange={(k, v) => setFigures((f) => ({ ...f, [k]: v }))}
      />
      <ReasonField value={reason} onChange={setReason} error={m.error} required={false} />
    </ActionForm>
  );
}
