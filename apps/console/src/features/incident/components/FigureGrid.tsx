import { useTranslation } from 'react-i18next';
import { FieldError } from '../../../components/ErrorMessage';

interface FigureGridProps<K extends string> {
  fields: readonly K[];
  values: Record<K, string>;
  /** Input names and error paths are `${prefix}.${field}`, matching the API's field paths. */
  prefix: 'casualties' | 'figures';
  inputMode: 'numeric' | 'decimal';
  /** Whatever the form's mutation failed with; FieldError picks out this grid's fields. */
  error: unknown;
  onChange: (field: K, value: string) => void;
  className?: string;
}

/** A figure's name, with what the statute counts in it where that is not obvious (serious injuries include acute poisoning). */
export function FigureLabel({ field }: { field: string }) {
  const { t } = useTranslation();
  const short = t(`figureNotes.${field}.short`, { defaultValue: '' });
  return (
    <span title={short ? t(`figureNotes.${field}.full`) : undefined}>
      {t(`figures.${field}`)}
      {short && <span className="figure-note"> ({short})</span>}
    </span>
  );
}

/** A grid of number inputs for casualties and losses, labelled from `figures.*` strings. */
export function FigureGrid<K extends string>({ fields, values, prefix, inputMode, error, onChange, className }: FigureGridProps<K>) {
  return (
    <div className={className ? `figure-grid ${className}` : 'figure-grid'}>
      {fields.map((k) => (
        <label className="field field-sm" key={k}>
          <FigureLabel field={k} />
          <input name={`${prefix}.${k}`} inputMode={inputMode} value={values[k]} onChange={(e) => onChange(k, e.target.value)} />
          <FieldError error={error} path={`${prefix}.${k}`} />
        </label>
      ))}
    </div>
  );
}
