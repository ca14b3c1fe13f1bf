import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { mapStore } from '../mapStore';
import { baseStyle, LOCAL_CJK_FONTS } from '../style';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The live map, for browser tests and debugging. */
    __beaconMap?: MapLibreMap;
  }
}

type MapState = 'loading' | 'ready' | 'error';

/** The single MapLibre instance of the console. Everything else hands it GeoJSON layers. */
export function MapView({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<MapState>('loading');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!container.current) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: container.current,
        style: baseStyle(),
        center: [114.3, 30.6],
        zoom: 10,
        attributionControl: false,
        localIdeographFontFamily: LOCAL_CJK_FONTS,
        dragRotate: false,
        pitchWithRotate: false,
        maxPitch: 0,
        fadeDuration: 0,
      });
    } catch (err) {
      setState('error');
      setError(err instanceof Error ? err.message : String(err));
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    window.__beaconMap = map;
    const onLoad = () => {
      setState('ready');
      mapStore.set(map);
    };
    map.on('load', onLoad);
    map.on('error', (e) => console.warn('[map]', e.error?.message ?? e));
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      mapStore.set(null);
      if (window.__beaconMap === map) delete window.__beaconMap;
      map.remove();
    };
  }, []);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" data-map-state={state} />
      {state === 'loading' && <div className="map-overlay">{t('map.loading')}</div>}
      {state === 'error' && (
        <div className="map-overlay map-overlay-error" role="alert">
          {t('map.error')}: {error}
        </div>
      )}
      {state === 'ready' && children}
    </div>
  );
}
