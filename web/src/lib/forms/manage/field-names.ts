// A record's top-level fields in words (message keys), for the history and for the fields a
// version conflict names. Fields without words here are shown by their name.
import type { MessageKey } from '../../i18n/catalog.ts';

const FIELD_NAMES: Readonly<Record<string, MessageKey>> = {
  name: 'textName',
  summary: 'textSummary',
  description: 'textDescription',
  mission: 'textMission',
  areaServed: 'textAreaServed',
  services: 'servicesHeading',
  location: 'privacyLocationLegend',
  contact: 'privacyContactLegend',
  migrantLed: 'privacyMigrantLegend',
  needs: 'sectionNeeds',
};

export function fieldNameKey(field: string): MessageKey | undefined {
  return FIELD_NAMES[field];
}
