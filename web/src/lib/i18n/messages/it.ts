import type { Messages } from '../catalog.ts';

const it: Messages = {
  siteTitle: 'Registro Union Migrant Net',
  siteTagline: 'Iniziative di economia sociale e solidale guidate da persone migranti nelle città europee',
  skipToContent: 'Vai al contenuto principale',
  languageSwitcherLabel: 'Lingua',
  cityInCountry: '{city}, {country}',
  figuresHeading: 'In cifre',
  initiativesCount: 'Iniziative',
  goodPracticesCount: 'Buone pratiche',
  initiativesHeading: 'Iniziative del registro',
  initiativesShown: '{shown} su {total}, in ordine alfabetico',
  initiativesEmpty: 'Nessuna iniziativa è ancora pubblicata.',
  sectorLabel: 'Settore',
  locationLabel: 'Luogo',
  partnersHeading: 'Città partner',
  partnersEmpty: 'Nessuna città partner è ancora nota.',
  nodeStatusOnline: 'registro attivo',
  nodeStatusPlanned: 'registro previsto',
  fallbackMarker: '(in {language})',
  footerText: 'Un registro federato delle iniziative di economia sociale e solidale guidate da persone migranti, nelle città europee.',
  errorNotFoundTitle: 'Pagina non trovata',
  errorNotFoundText: 'Questa pagina non esiste o non esiste più.',
  errorServerTitle: 'Si è verificato un errore',
  errorServerText: 'Non è stato possibile mostrare la pagina. Riprova tra qualche istante.',
  errorBackHome: 'Torna alla pagina iniziale',
  errorStatus: 'Errore {status}',
};

export default it;
