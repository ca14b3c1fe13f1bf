import { useEffect, useRef, type ReactNode } from 'react';
import type { LngLat } from '@beacon/domain';
import { useStore } from '../../../lib/store';
import { flyTo } from '../../map/flyTo';
import { focusStore, type Focus } from '../../panel/panelStore';

/** One row of a resource list: highlighted when focused, click flies the map there. */
export function ResourceRow({ focus, location, testId, children }: { focus: Focus; location: LngLat; testId: string; children: ReactNode }) {
  const current = useStore(focusStore);
  const focused = current?.kind === focus.kind && current.id === focus.id;
  const ref = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);

  return (
    <li
      ref={ref}
      className={focused ? 'row row-focused' : 'row'}
      data-testid={testId}
      data-id={focus.id}
      tabIndex={0}
      onClick={() => {
        focusStore.set(focus);
        flyTo(location);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          focusStore.set(focus);
          flyTo(location);
        }
      }}
    >
      {children}
    </li>
  );
}
