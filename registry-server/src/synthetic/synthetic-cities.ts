// Cities the synthetic nodes are placed in: real European cities with their centre and the
// language most listings there are written in. Only places; every node and listing made from
// them is labelled synthetic.

export interface SyntheticCity {
  slug: string;
  locality: string;
  country: string;
  language: string;
  lat: number;
  lon: number;
}

export const SYNTHETIC_CITIES: readonly SyntheticCity[] = [
  { slug: 'lyon', locality: 'Lyon', country: 'FR', language: 'fr', lat: 45.764, lon: 4.8357 },
  { slug: 'torino', locality: 'Torino', country: 'IT', language: 'it', lat: 45.0703, lon: 7.6869 },
  { slug: 'thessaloniki', locality: 'Θεσσαλονίκη', country: 'GR', language: 'el', lat: 40.6401, lon: 22.9444 },
  { slug: 'plovdiv', locality: 'Пловдив', country: 'BG', language: 'bg', lat: 42.1354, lon: 24.7453 },
  { slug: 'maribor', locality: 'Maribor', country: 'SI', language: 'sl', lat: 46.5547, lon: 15.6459 },
  { slug: 'rotterdam', locality: 'Rotterdam', country: 'NL', language: 'nl', lat: 51.9244, lon: 4.4777 },
  { slug: 'koeln', locality: 'Köln', country: 'DE', language: 'de', lat: 50.9375, lon: 6.9603 },
  { slug: 'marseille', locality: 'Marseille', country: 'FR', language: 'fr', lat: 43.2965, lon: 5.3698 },
  { slug: 'dublin', locality: 'Dublin', country: 'IE', language: 'en', lat: 53.3498, lon: -6.2603 },
  { slug: 'bologna', locality: 'Bologna', country: 'IT', language: 'it', lat: 44.4949, lon: 11.3426 },
  { slug: 'patra', locality: 'Πάτρα', country: 'GR', language: 'el', lat: 38.2466, lon: 21.7346 },
  { slug: 'varna', locality: 'Варна', country: 'BG', language: 'bg', lat: 43.2141, lon: 27.9147 },
  { slug: 'celje', locality: 'Celje', country: 'SI', language: 'sl', lat: 46.2397, lon: 15.2677 },
  { slug: 'gent', locality: 'Gent', country: 'BE', language: 'nl', lat: 51.0543, lon: 3.7174 },
  { slug: 'leipzig', locality: 'Leipzig', country: 'DE', language: 'de', lat: 51.3397, lon: 12.3731 },
  { slug: 'bruxelles', locality: 'Bruxelles', country: 'BE', language: 'fr', lat: 50.8503, lon: 4.3517 },
  { slug: 'napoli', locality: 'Napoli', country: 'IT', language: 'it', lat: 40.8518, lon: 14.2681 },
  { slug: 'valletta', locality: 'Valletta', country: 'MT', language: 'en', lat: 35.8989, lon: 14.5146 },
  { slug: 'hamburg', locality: 'Hamburg', country: 'DE', language: 'de', lat: 53.5511, lon: 9.9937 },
  { slug: 'utrecht', locality: 'Utrecht', country: 'NL', language: 'nl', lat: 52.0907, lon: 5.1214 },
  { slug: 'lille', locality: 'Lille', country: 'FR', language: 'fr', lat: 50.6292, lon: 3.0573 },
  { slug: 'palermo', locality: 'Palermo', country: 'IT', language: 'it', lat: 38.1157, lon: 13.3615 },
  { slug: 'graz', locality: 'Graz', country: 'AT', language: 'de', lat: 47.0707, lon: 15.4395 },
  { slug: 'larisa', locality: 'Λάρισα', country: 'GR', language: 'el', lat: 39.639, lon: 22.4191 },
  { slug: 'burgas', locality: 'Бургас', country: 'BG', language: 'bg', lat: 42.5048, lon: 27.4626 },
  { slug: 'koper', locality: 'Koper', country: 'SI', language: 'sl', lat: 45.5481, lon: 13.7302 },
  { slug: 'antwerpen', locality: 'Antwerpen', country: 'BE', language: 'nl', lat: 51.2194, lon: 4.4025 },
  { slug: 'toulouse', locality: 'Toulouse', country: 'FR', language: 'fr', lat: 43.6047, lon: 1.4442 },
  { slug: 'genova', locality: 'Genova', country: 'IT', language: 'it', lat: 44.4056, lon: 8.9463 },
  { slug: 'muenchen', locality: 'München', country: 'DE', language: 'de', lat: 48.1351, lon: 11.582 },
];
