import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADES, TEAM_STATUSES } from '@beacon/domain';
import { COLORS } from '../style';

function Swatch({ color, shape = 'dot' }: { color: string; shape?: 'dot' | 'square' | 'ring' }) {
  return <span className={`swatch swatch-${shape}`} style={{ '--swatch': color } as CSSProperties} aria-hidden />;
}

export function Legend() {
  const { t } = useTranslation();
  return (
    <div className="legend" data-testid="map-legend">
      <div className="legend-title">{t('map.legend.incidents')}</div>
      <ul>
        {GRADES.map((g) => (
          <li key={g}>
            <Swatch color={COLORS.grade[g]} /> {t(`grade.short.${g}`)}
          </li>
        ))}
        <li>
          <Swatch color={COLORS.grade.none} /> {t('grade.short.none')}
        </li>
        <li>
          <Swatch color="#ffffff" shape="ring" /> {t('map.legend.unacked')}
        </li>
        <li>
          <Swatch color={COLORS.ackOverdue} shape="ring" /> {t('map.legend.ackOverdue')}
        </li>
      </ul>
      <div className="legend-title">{t('map.legend.teams')}</div>
      <ul>
        {TEAM_STATUSES.map((s) => (
          <li key={s}>
            <Swatch color={COLORS.team[s]} /> {t(`team.status.${s}`)}
          </li>
        ))}
      </ul>
      <div className="legend-title">{t('map.legend.facilities')}</div>
      <ul>
        <li>
          <Swatch color={COLORS.warehouse} shape="square" /> {t('map.layer.warehouses')}
        </li>
        <li>
          <Swatch color={COLORS.shelter.open} shape="square" /> {t('shelter.status.open')}
        </li>
        <li>
          <Swatch color={COLORS.shelter.full} shape="square" /> {t('shelter.status.full')}
        </li>
        <li>
          <Swatch color={COLORS.shelter.closed} shape="square" /> {t('shelter.status.closed')}
        </li>
      </ul>
    </div>
  );
}
