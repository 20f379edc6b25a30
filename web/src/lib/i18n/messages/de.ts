import type { Messages } from '../catalog.ts';

const de: Messages = {
  siteTitle: 'Register von Union Migrant Net',
  siteTagline: 'Von Migrantinnen und Migranten geführte Initiativen der Sozial- und Solidarwirtschaft in europäischen Städten',
  skipToContent: 'Zum Hauptinhalt springen',
  languageSwitcherLabel: 'Sprache',
  cityInCountry: '{city}, {country}',
  figuresHeading: 'In Zahlen',
  initiativesCount: 'Initiativen',
  goodPracticesCount: 'Gute Praktiken',
  initiativesHeading: 'Initiativen im Register',
  initiativesShown: '{shown} von {total}, alphabetisch geordnet',
  initiativesEmpty: 'Es ist noch keine Initiative veröffentlicht.',
  sectorLabel: 'Sektor',
  locationLabel: 'Ort',
  partnersHeading: 'Partnerstädte',
  partnersEmpty: 'Es ist noch keine Partnerstadt bekannt.',
  nodeStatusOnline: 'Register online',
  nodeStatusPlanned: 'Register geplant',
  fallbackMarker: '(auf {language})',
  footerText: 'Ein föderiertes Register von Initiativen der Sozial- und Solidarwirtschaft, die von Migrantinnen und Migranten geführt werden, in europäischen Städten.',
  errorNotFoundTitle: 'Seite nicht gefunden',
  errorNotFoundText: 'Diese Seite gibt es nicht oder nicht mehr.',
  errorServerTitle: 'Ein Fehler ist aufgetreten',
  errorServerText: 'Die Seite konnte nicht angezeigt werden. Bitte versuchen Sie es in einigen Augenblicken erneut.',
  errorBackHome: 'Zurück zur Startseite',
  errorStatus: 'Fehler {status}',
};

export default de;
