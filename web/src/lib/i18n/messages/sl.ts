import type { Messages } from '../catalog.ts';

const sl: Messages = {
  siteTitle: 'Register Union Migrant Net',
  siteTagline: 'Pobude socialne in solidarnostne ekonomije, ki jih vodijo migranti, v evropskih mestih',
  skipToContent: 'Skoči na glavno vsebino',
  languageSwitcherLabel: 'Jezik',
  cityInCountry: '{city}, {country}',
  figuresHeading: 'V številkah',
  initiativesCount: 'Pobude',
  goodPracticesCount: 'Dobre prakse',
  initiativesHeading: 'Pobude v registru',
  initiativesShown: '{shown} od {total}, po abecednem redu',
  initiativesEmpty: 'Objavljena ni še nobena pobuda.',
  sectorLabel: 'Sektor',
  locationLabel: 'Kraj',
  partnersHeading: 'Partnerska mesta',
  partnersEmpty: 'Nobeno partnersko mesto še ni znano.',
  nodeStatusOnline: 'register deluje',
  nodeStatusPlanned: 'register v pripravi',
  fallbackMarker: '(v jeziku: {language})',
  footerText: 'Federativni register pobud socialne in solidarnostne ekonomije, ki jih vodijo migranti, v evropskih mestih.',
  errorNotFoundTitle: 'Strani ni mogoče najti',
  errorNotFoundText: 'Ta stran ne obstaja ali je bila odstranjena.',
  errorServerTitle: 'Prišlo je do napake',
  errorServerText: 'Strani ni bilo mogoče prikazati. Poskusite znova čez nekaj trenutkov.',
  errorBackHome: 'Nazaj na domačo stran',
  errorStatus: 'Napaka {status}',
};

export default sl;
