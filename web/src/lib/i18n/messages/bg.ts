import type { Messages } from '../catalog.ts';

const bg: Messages = {
  siteTitle: 'Регистър на Union Migrant Net',
  siteTagline: 'Инициативи на социалната и солидарна икономика, ръководени от мигранти, в европейските градове',
  skipToContent: 'Към основното съдържание',
  languageSwitcherLabel: 'Език',
  cityInCountry: '{city}, {country}',
  figuresHeading: 'В числа',
  initiativesCount: 'Инициативи',
  goodPracticesCount: 'Добри практики',
  initiativesHeading: 'Инициативи в регистъра',
  initiativesShown: '{shown} от {total}, по азбучен ред',
  initiativesEmpty: 'Все още няма публикувани инициативи.',
  sectorLabel: 'Сектор',
  locationLabel: 'Място',
  partnersHeading: 'Градове партньори',
  partnersEmpty: 'Все още няма известни градове партньори.',
  nodeStatusOnline: 'регистърът работи',
  nodeStatusPlanned: 'регистър в подготовка',
  fallbackMarker: '(на {language})',
  footerText: 'Федеративен регистър на инициативите на социалната и солидарна икономика, ръководени от мигранти, в европейските градове.',
  errorNotFoundTitle: 'Страницата не е намерена',
  errorNotFoundText: 'Тази страница не съществува или вече е премахната.',
  errorServerTitle: 'Възникна грешка',
  errorServerText: 'Страницата не можа да бъде показана. Опитайте отново след малко.',
  errorBackHome: 'Към началната страница',
  errorStatus: 'Грешка {status}',
};

export default bg;
