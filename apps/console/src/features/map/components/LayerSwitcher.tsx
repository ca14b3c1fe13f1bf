import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LAYER_GROUPS, setLayerVisible } from '../mapStore';
import { useLayerVisibility } from '../hooks/useMap';
import { Legend } from './Legend';

/** Checkbox per layer group, plus the colour legend. */
export function LayerSwitcher() {
  const { t } = useTranslation();
  const visibility = useLayerVisibility();
  // Open on a desk's wide screen; folded on a tablet, where the map is the room to tap a location in.
  const [open, setOpen] = useState(() => !window.matchMedia?.('(max-width: 1280px), (pointer: coarse)').matches);
  return (
    <div className="map-panel layer-switcher" data-testid="layer-switcher">
      <button type="button" className="map-panel-title" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {t('map.layers')} {open ? '▾' : '▸'}
      </button>
      {open && (
        <>
          <ul className="layer-list">
            {LAYER_GROUPS.map((group) => (
              <li key={group}>
                <label>
                  <input
                    type="checkbox"
                    data-testid={`layer-toggle-${group}`}
                    checked={visibility[group]}
                    onChange={(e) => setLayerVisible(group, e.target.checked)}
                  />
                  {t(`map.layer.${group}`)}
                </label>
              </li>
            ))}
          </ul>
          <Legend />
        </>
      )}
    </div>
  );
}
