// The requests of the "Contact and place" section (routes/account/initiatives/[slug]/contact-place):
// the country list and the public view of a location, as the signed-in editor.
import type { ContactPlaceQuery, LocationPreviewQuery, PublicPlaceFragment } from '../../generated/operation-types.ts';
import CONTACT_PLACE_OPERATION from './queries/contact-place.graphql?raw';
import LOCATION_PREVIEW_OPERATION from './queries/location-preview.graphql?raw';
import PLACE_FRAGMENTS from './queries/place.fragments.graphql?raw';

export type { ContactPlaceQuery, LocationPreviewQuery };
export type PublicPlace = PublicPlaceFragment;

export const CONTACT_PLACE_QUERY = `${CONTACT_PLACE_OPERATION}${PLACE_FRAGMENTS}\n`;
export const LOCATION_PREVIEW_QUERY = `${LOCATION_PREVIEW_OPERATION}${PLACE_FRAGMENTS}\n`;
