import type { Messages } from '../catalog.ts';

const en: Messages = {
  siteTitle: 'Union Migrant Net Registry',
  siteTagline: 'Migrant-led social and solidarity economy initiatives in European cities',
  skipToContent: 'Skip to main content',
  languageSwitcherLabel: 'Language',
  cityInCountry: '{city}, {country}',
  figuresHeading: 'In figures',
  initiativesCount: 'Initiatives',
  goodPracticesCount: 'Good practices',
  initiativesHeading: 'Initiatives in the registry',
  initiativesShown: '{shown} of {total}, in alphabetical order',
  initiativesEmpty: 'No initiative has been published yet.',
  sectorLabel: 'Sector',
  locationLabel: 'Place',
  partnersHeading: 'Partner cities',
  partnersEmpty: 'No partner city is known yet.',
  nodeStatusOnline: 'registry online',
  nodeStatusPlanned: 'registry planned',
  fallbackMarker: '(in {language})',
  footerText: 'A federated registry of migrant-led social and solidarity economy initiatives in European cities.',
  errorNotFoundTitle: 'Page not found',
  errorNotFoundText: 'This page does not exist, or no longer exists.',
  errorServerTitle: 'Something went wrong',
  errorServerText: 'The page could not be shown. Please try again in a few moments.',
  errorBackHome: 'Back to the home page',
  errorStatus: 'Error {status}',
};

export default en;
