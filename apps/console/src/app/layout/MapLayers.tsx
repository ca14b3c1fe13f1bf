import { useBasemapLayers } from '../../features/basemap/hooks/useBasemapLayers';
import { useIncidentLayers } from '../../features/incident/hooks/useIncidentLayers';
import { useResourceLayers } from '../../features/resources/hooks/useResourceLayers';

/** Mounted once the map is ready: every feature hands the map its GeoJSON layers here. */
export function MapLayers() {
  useBasemapLayers();
  useResourceLayers();
  useIncidentLayers();
  return null;
}
