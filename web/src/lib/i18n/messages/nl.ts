import type { Messages } from '../catalog.ts';

const nl: Messages = {
  siteTitle: 'Register van Union Migrant Net',
  siteTagline: 'Initiatieven van de sociale en solidaire economie onder leiding van migranten in Europese steden',
  skipToContent: 'Naar de hoofdinhoud',
  languageSwitcherLabel: 'Taal',
  cityInCountry: '{city}, {country}',
  figuresHeading: 'In cijfers',
  initiativesCount: 'Initiatieven',
  goodPracticesCount: 'Goede praktijken',
  initiativesHeading: 'Initiatieven in het register',
  initiativesShown: '{shown} van {total}, in alfabetische volgorde',
  initiativesEmpty: 'Er is nog geen initiatief gepubliceerd.',
  sectorLabel: 'Sector',
  locationLabel: 'Plaats',
  partnersHeading: 'Partnersteden',
  partnersEmpty: 'Er is nog geen partnerstad bekend.',
  nodeStatusOnline: 'register online',
  nodeStatusPlanned: 'register gepland',
  fallbackMarker: '(in het {language})',
  footerText: 'Een gefedereerd register van initiatieven van de sociale en solidaire economie onder leiding van migranten, in Europese steden.',
  errorNotFoundTitle: 'Pagina niet gevonden',
  errorNotFoundText: 'Deze pagina bestaat niet of niet meer.',
  errorServerTitle: 'Er is iets misgegaan',
  errorServerText: 'De pagina kon niet worden getoond. Probeer het over enkele ogenblikken opnieuw.',
  errorBackHome: 'Terug naar de startpagina',
  errorStatus: 'Fout {status}',
};

export default nl;
