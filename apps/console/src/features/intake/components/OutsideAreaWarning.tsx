import { useTranslation } from 'react-i18next';
import type { LngLat } from '@beacon/domain';
import { useSession } from '../../auth/session';
import { useJurisdictions } from '../../basemap/api/basemapQueries';
import { outsideOwnArea } from '../outsideArea';

/** A position picked (for a manual call, or an incident moved) beyond the officer's own area is questioned, not refused. */
export function OutsideAreaWarning({ location, testId }: { location: LngLat | null; testId: string }) {
  const { t } = useTranslation();
  const jurisdictions = useJurisdictions().data;
  const ownArea = useSession()?.user.jurisdictionId ?? null;
  const outside = location && ownArea ? outsideOwnArea(location, jurisdictions, ownArea) : null;
  if (!outside) return null;
  return (
    <div className="warn-line" role="status" data-testid={testId}>
      {t('intake.outsideArea', { area: outside.name })}
    </div>
  );
}
