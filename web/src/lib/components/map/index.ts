// The map of Europe: the component, its list alternative, and the projection for tests and pages.
export { default as EuropeMap } from './EuropeMap.svelte';
export { default as MapPointList } from './MapPointList.svelte';
export { projectPoint, isOnMap, VIEW_WIDTH, VIEW_HEIGHT } from './europe-projection.ts';
export type { MapPoint } from './map-markers.ts';
