// French is the reference catalogue: its keys are the keys every other language must have
// (checked by messages.test.ts). `{name}` marks a value filled in by format().
const fr = {
  siteTitle: 'Registre Union Migrant Net',
  siteTagline: 'Initiatives d’économie sociale et solidaire portées par des personnes migrantes dans les villes européennes',
  skipToContent: 'Aller au contenu principal',
  languageSwitcherLabel: 'Langue',
  cityInCountry: '{city}, {country}',
  figuresHeading: 'En chiffres',
  initiativesCount: 'Initiatives',
  goodPracticesCount: 'Bonnes pratiques',
  initiativesHeading: 'Initiatives du registre',
  initiativesShown: '{shown} sur {total}, par ordre alphabétique',
  initiativesEmpty: 'Aucune initiative n’est encore publiée.',
  sectorLabel: 'Secteur',
  locationLabel: 'Lieu',
  partnersHeading: 'Villes partenaires',
  partnersEmpty: 'Aucune ville partenaire n’est encore connue.',
  nodeStatusOnline: 'registre en ligne',
  nodeStatusPlanned: 'registre à venir',
  fallbackMarker: '(en {language})',
  footerText: 'Un registre fédéré des initiatives d’économie sociale et solidaire portées par des personnes migrantes, dans les villes européennes.',
  errorNotFoundTitle: 'Page introuvable',
  errorNotFoundText: 'Cette page n’existe pas ou n’existe plus.',
  errorServerTitle: 'Une erreur s’est produite',
  errorServerText: 'La page n’a pas pu être affichée. Réessayez dans quelques instants.',
  errorBackHome: 'Retour à l’accueil',
  errorStatus: 'Erreur {status}',
};

export default fr;
