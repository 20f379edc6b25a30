// The base map of Europe (land and borders) that EuropeMap.svelte draws its markers on. Written
// once when the site is built (prerendered to a static file), so the country shapes never go
// into a page's HTML or JavaScript and browsers cache them across pages.
import { europeBasemapSvg } from '#lib/components/map/europe-basemap.ts';
import type { RequestHandler } from './$types';

export const prerender = false;

export const GET: RequestHandler = () => new Response(europeBasemapSvg(), { headers: { 'content-type': 'image/svg+xml' } });
