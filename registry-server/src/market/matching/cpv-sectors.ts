// Which sectors (ESSGlobal activities-modified, taxonomy `sector`) a CPV code of a request falls
// in, so a request that names only CPV codes still reaches the initiatives of those sectors.
// The CPV (Regulation (EC) 2195/2002, amended by 213/2008) is a tree: the first two digits are
// the division, each further digit a narrower group, class and category. We map the divisions
// (and a few narrower groups) where social and solidarity economy initiatives answer public
// contracts; the longest listed prefix of a code decides. A code outside the table maps to no
// sector: the request then matches on its own sectors only, and the buyer is told so (no
// reason is invented). Extend the table here; its test pins the examples below.

/** CPV prefix (2 to 8 digits) → sectors. The comment says what the prefix covers in the CPV. */
export const CPV_SECTORS: Readonly<Record<string, readonly string[]>> = {
  '03': ['AM130'], // agricultural, farming, fishing, forestry products
  '09': ['AM50'], // petroleum products, fuel, electricity and other sources of energy
  '15': ['AM60'], // food, beverages, tobacco
  '18': ['AM70', 'AM120'], // clothing, footwear, luggage (sewing workshops, second-hand textiles)
  '22': ['AM10'], // printed matter
  '30': ['AM70'], // office and computing machinery
  '37': ['AM10'], // musical instruments, sport goods, games, toys, handicraft and art materials
  '39': ['AM70'], // furniture, furnishings, domestic appliances, cleaning products
  '392': ['AM70', 'AM120'], // furnishing: textiles, curtains, upholstery
  '395': ['AM70', 'AM120'], // textile articles
  '45': ['AM90', 'AM140'], // construction work (renovation, eco-building)
  '50': ['AM120'], // repair and maintenance services
  '55': ['AM60'], // hotel, restaurant and retail trade services
  '5552': ['AM60'], // catering services
  '60': ['AM160'], // transport services
  '64': ['AM160'], // postal and courier services
  '65': ['AM150'], // public utilities
  '66': ['AM100'], // financial and insurance services
  '70': ['AM90'], // real estate services
  '71': ['AM140'], // architectural, construction, engineering and inspection services
  '72': ['AM70'], // IT services: consulting, software development, internet and support
  '79': ['AM70'], // business services: law, marketing, consulting, recruitment, printing, security
  '7953': ['AM70', 'AM40'], // translation services
  '7954': ['AM70', 'AM40'], // interpretation services
  '7995': ['AM10'], // event, exhibition and conference organisation
  '80': ['AM40'], // education and training services
  '85': ['AM80'], // health and social work services
  '90': ['AM110'], // sewage, refuse, cleaning and environmental services
  '905': ['AM120'], // refuse and waste related services (collection, recycling)
  '909': ['AM70'], // cleaning and sanitation services
  '77': ['AM110', 'AM130'], // agricultural, forestry, horticultural services
  '773': ['AM110'], // horticultural services (gardening, parks, green spaces)
  '92': ['AM10'], // recreational, cultural and sporting services
  '98': ['AM70'], // other community, social and personal services
  '9831': ['AM70', 'AM120'], // washing and dry-cleaning services
};

/** The sectors of one CPV code (`55520000-1` or `55520000`), by its longest listed prefix; [] when none. */
export function sectorsOfCpv(code: string): readonly string[] {
  const digits = code.replace(/-\d$/, '');
  if (!/^\d{8}$/.test(digits)) return [];
  for (let length = 8; length >= 2; length--) {
    const sectors = CPV_SECTORS[digits.slice(0, length)];
    if (sectors) return sectors;
  }
  return [];
}

/** For each CPV code that maps to sectors, the code and its sectors (in the order given). */
export function cpvSectorPairs(codes: readonly string[]): Array<{ cpv: string; sectors: readonly string[] }> {
  return codes.map((cpv) => ({ cpv, sectors: sectorsOfCpv(cpv) })).filter((p) => p.sectors.length > 0);
}
