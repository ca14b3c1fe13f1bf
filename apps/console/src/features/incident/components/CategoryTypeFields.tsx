import { useTranslation } from 'react-i18next';
import { INCIDENT_CATEGORIES, INCIDENT_TYPES, type IncidentCategory, type IncidentType } from '@beacon/domain';
import { FieldError } from '../../../components/ErrorMessage';

/** Category and sub-type selects; the type list follows the category (Chinese labels for every sub-type). */
export function CategoryTypeFields({
  category,
  type,
  onChange,
  error,
  allowEmpty = true,
}: {
  category: IncidentCategory | '';
  type: IncidentType | '';
  onChange: (category: IncidentCategory | '', type: IncidentType | '') => void;
  error: unknown;
  allowEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const types: readonly IncidentType[] = category ? INCIDENT_TYPES[category] : [];
  return (
    <div className="field-row">
      <label className="field">
        <span>{t('incident.category')}</span>
        <select
          name="category"
          value={category}
          onChange={(e) => {
            const next = e.target.value as IncidentCategory | '';
            const keep = next && type && (INCIDENT_TYPES[next] as readonly string[]).includes(type);
            onChange(next, keep ? type : '');
          }}
        >
          {allowEmpty && <option value="">{t('common.unspecified')}</option>}
          {INCIDENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
        <FieldError error={error} path="category" />
      </label>
      <label className="field">
        <span>{t('incident.type')}</span>
        <select name="type" value={type} disabled={!category} onChange={(e) => onChange(category, e.target.value as IncidentType | '')}>
          <option value="">{t('common.unspecified')}</option>
          {types.map((ty) => (
            <option key={ty} value={ty}>
              {t(`type.${ty}`)}
            </option>
          ))}
        </select>
        <FieldError error={error} path="type" />
      </label>
    </div>
  );
}
