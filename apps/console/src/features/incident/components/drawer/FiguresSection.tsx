import { useTranslation } from 'react-i18next';
import type { GradeBasis, IncidentFigures } from '@beacon/domain';
import { FIGURE_FIELDS } from './figureFields';
import { useGradeTables } from '../../api/gradeTables';
import { gradeHint } from '../../gradeHint';
import { criterionLabel, gradeBasisText, showsBasisReason } from '../../serverWords';

export function FiguresSection({ figures }: { figures: IncidentFigures }) {
  const { t } = useTranslation();
  return (
    <dl className="figures" data-testid="figures">
      {FIGURE_FIELDS.map((k) => {
        const v = figures[k];
        const hot = typeof v === 'number' && v > 0 && (k === 'deaths' || k === 'missing' || k === 'trapped' || k === 'seriousInjuries');
        return (
          <div key={k} className={hot ? 'figure hot' : 'figure'}>
            <dt title={t(`figureNotes.${k}.full`, { defaultValue: '' }) || t(`figures.${k}`)}>{t(`figures.${k}`)}</dt>
            <dd>{v === null || v === undefined ? '—' : v.toLocaleString()}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export function GradeBasisLine({ basis }: { basis: GradeBasis | null }) {
  const { t, i18n } = useTranslation();
  if (!basis) return <div className="muted">{t('grade.noBasis')}</div>;
  return (
    <div className="grade-basis" data-testid="grade-basis">
      <div>
        <span className="muted">{t('grade.table')}:</span> {t(`gradeTable.${basis.table}`, { defaultValue: basis.table })}
        {/* An officer's grade says so once (the table line), not again as its criterion. */}
        {basis.criterion && basis.criterion !== 'officer' && (
          <>
            {' · '}
            <span className="muted">{t('grade.criterion')}:</span> {criterionLabel(t, basis.criterion)}
            {basis.value !== null && ` = ${basis.value.toLocaleString()}`}
          </>
        )}
        {basis.setBy && (
          <>
            {' · '}
            <span className="muted">{t('grade.setBy')}:</span> {basis.setBy}
          </>
        )}
      </div>
      {/* The statute sentence is the server's, in zh-CN; an officer's reason is shown in any language. */}
      {showsBasisReason(basis, i18n.language) && <div className="basis-reason">{basis.reason}</div>}
    </div>
  );
}

/** The figures and the stored grade disagree, or the grade rests on another category's table: say what the figures give and what the officer can do (onSetGrade: null when this user may not). */
export function GradeHintLine({ incident, onSetGrade }: { incident: Parameters<typeof gradeHint>[0]; onSetGrade: (() => void) | null }) {
  const { t, i18n } = useTranslation();
  const { data: tables } = useGradeTables();
  const hint = gradeHint(incident, tables);
  if (!hint) return null;
  // The statute's sentence in Chinese; in another language the criterion and its figure.
  const reason = hint.basis ? gradeBasisText(t, i18n.language, hint.basis) : null;
  const text = (() => {
    if (hint.kind !== 'basis_stale') return t(hint.kind === 'figures_lower' ? 'grade.hintFiguresLower' : 'grade.hintFiguresHigher', { grade: t(`grade.long.${hint.computed}`), reason });
    const table = t(`gradeTable.${hint.basisTable}`, { defaultValue: hint.basisTable });
    return hint.computed === null
      ? t('grade.hintBasisStaleJudgement', { table })
      : t('grade.hintBasisStale', { table, grade: t(`grade.long.${hint.computed}`), reason });
  })();
  return (
    <div className="grade-hint" data-testid="grade-hint" data-kind={hint.kind}>
      <span>{text}</span>
      {hint.kind !== 'figures_higher' && onSetGrade && (
        <button type="button" className="btn btn-xs" onClick={onSetGrade}>
          {t('action.setGrade')}
        </button>
      )}
    </div>
  );
}
