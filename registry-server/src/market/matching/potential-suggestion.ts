// What the network potential suggests to a buyer, by rule, with the thresholds shown to them in
// words (issue 15 point 4, ADR 0036). Three is the smallest number of bidders Directive
// 2014/24/EU treats as competition (Article 65(2): at least three candidates in a negotiated
// procedure or a competitive dialogue); below it a reserved contract risks drawing no valid
// tender, and a reserved lot (Article 46, lots; Article 20 or 77 for the lot) keeps the rest open.

export const MIN_BIDDERS = 3;

export type SuggestionCode = 'reserve-contract' | 'reserve-lot' | 'social-clause' | 'widen-area';

export interface Suggestion {
  code: SuggestionCode;
  /** The counts the rule looked at. */
  eligible: number;
  capable: number;
}

/** The rule, in order: enough eligible → reserve; too few at all → widen; some eligible → a lot; else a social clause. */
export function suggest(capable: number, eligible: number): Suggestion {
  const code: SuggestionCode =
    eligible >= MIN_BIDDERS ? 'reserve-contract' : capable < MIN_BIDDERS ? 'widen-area' : eligible >= 1 ? 'reserve-lot' : 'social-clause';
  return { code, eligible, capable };
}

type Words = Record<SuggestionCode, { label: string; rule: string }>;

/** {eligible}, {capable} and {min} are replaced by numbers. */
const WORDS: Record<string, Words> = {
  en: {
    'reserve-contract': {
      label: 'Reserve the contract',
      rule: '{eligible} eligible initiatives could answer: {min} or more is enough competition to reserve the contract (Article 20 or 77 of Directive 2014/24/EU).',
    },
    'reserve-lot': {
      label: 'Reserve a lot',
      rule: 'Only {eligible} eligible initiatives (fewer than {min}) but {capable} could answer in all: reserve one lot and keep the rest open.',
    },
    'social-clause': {
      label: 'Add a social clause',
      rule: 'No eligible initiative, but {capable} could answer ({min} or more): add a social clause rather than reserve the contract.',
    },
    'widen-area': {
      label: 'Widen the area',
      rule: 'Only {capable} initiatives could answer (fewer than {min}): widen the area or the sectors before posting.',
    },
  },
  fr: {
    'reserve-contract': {
      label: 'Réserver le marché',
      rule: '{eligible} initiatives éligibles pourraient répondre : à partir de {min}, la concurrence suffit pour réserver le marché (article 20 ou 77 de la directive 2014/24/UE).',
    },
    'reserve-lot': {
      label: 'Réserver un lot',
      rule: 'Seulement {eligible} initiatives éligibles (moins de {min}), mais {capable} pourraient répondre en tout : réservez un lot et laissez le reste ouvert.',
    },
    'social-clause': {
      label: 'Ajouter une clause sociale',
      rule: 'Aucune initiative éligible, mais {capable} pourraient répondre ({min} ou plus) : ajoutez une clause sociale plutôt que de réserver le marché.',
    },
    'widen-area': {
      label: 'Élargir la zone',
      rule: 'Seulement {capable} initiatives pourraient répondre (moins de {min}) : élargissez la zone ou les secteurs avant de publier.',
    },
  },
  it: {
    'reserve-contract': {
      label: "Riservare l'appalto",
      rule: "{eligible} iniziative ammissibili potrebbero rispondere: da {min} in su la concorrenza basta per riservare l'appalto (articolo 20 o 77 della direttiva 2014/24/UE).",
    },
    'reserve-lot': {
      label: 'Riservare un lotto',
      rule: 'Solo {eligible} iniziative ammissibili (meno di {min}), ma {capable} potrebbero rispondere in tutto: riservate un lotto e lasciate aperto il resto.',
    },
    'social-clause': {
      label: 'Aggiungere una clausola sociale',
      rule: "Nessuna iniziativa ammissibile, ma {capable} potrebbero rispondere ({min} o più): aggiungete una clausola sociale invece di riservare l'appalto.",
    },
    'widen-area': {
      label: "Allargare l'area",
      rule: "Solo {capable} iniziative potrebbero rispondere (meno di {min}): allargate l'area o i settori prima di pubblicare.",
    },
  },
  el: {
    'reserve-contract': {
      label: 'Προκράτηση της σύμβασης',
      rule: '{eligible} επιλέξιμες πρωτοβουλίες θα μπορούσαν να απαντήσουν: από {min} και πάνω ο ανταγωνισμός αρκεί για να προκρατηθεί η σύμβαση (άρθρο 20 ή 77 της οδηγίας 2014/24/ΕΕ).',
    },
    'reserve-lot': {
      label: 'Προκράτηση ενός τμήματος',
      rule: 'Μόνο {eligible} επιλέξιμες πρωτοβουλίες (λιγότερες από {min}), αλλά {capable} συνολικά θα μπορούσαν να απαντήσουν: προκρατήστε ένα τμήμα και αφήστε το υπόλοιπο ανοιχτό.',
    },
    'social-clause': {
      label: 'Προσθήκη κοινωνικής ρήτρας',
      rule: 'Καμία επιλέξιμη πρωτοβουλία, αλλά {capable} θα μπορούσαν να απαντήσουν ({min} ή περισσότερες): προσθέστε κοινωνική ρήτρα αντί να προκρατήσετε τη σύμβαση.',
    },
    'widen-area': {
      label: 'Διεύρυνση της περιοχής',
      rule: 'Μόνο {capable} πρωτοβουλίες θα μπορούσαν να απαντήσουν (λιγότερες από {min}): διευρύνετε την περιοχή ή τους τομείς πριν από τη δημοσίευση.',
    },
  },
  bg: {
    'reserve-contract': {
      label: 'Запазете поръчката',
      rule: '{eligible} допустими инициативи биха могли да отговорят: от {min} нагоре конкуренцията е достатъчна, за да се запази поръчката (член 20 или 77 от Директива 2014/24/ЕС).',
    },
    'reserve-lot': {
      label: 'Запазете обособена позиция',
      rule: 'Само {eligible} допустими инициативи (по-малко от {min}), но общо {capable} биха могли да отговорят: запазете една обособена позиция, а останалото оставете отворено.',
    },
    'social-clause': {
      label: 'Добавете социална клауза',
      rule: 'Няма допустима инициатива, но {capable} биха могли да отговорят ({min} или повече): добавете социална клауза, вместо да запазвате поръчката.',
    },
    'widen-area': {
      label: 'Разширете района',
      rule: 'Само {capable} инициативи биха могли да отговорят (по-малко от {min}): разширете района или секторите, преди да публикувате.',
    },
  },
  sl: {
    'reserve-contract': {
      label: 'Pridržite naročilo',
      rule: 'Odzvati bi se lahko {eligible} upravičenih pobud: od {min} naprej je konkurence dovolj za pridržano naročilo (člen 20 ali 77 Direktive 2014/24/EU).',
    },
    'reserve-lot': {
      label: 'Pridržite sklop',
      rule: 'Le {eligible} upravičenih pobud (manj kot {min}), skupaj pa bi se lahko odzvalo {capable}: pridržite en sklop, preostanek naj ostane odprt.',
    },
    'social-clause': {
      label: 'Dodajte socialno klavzulo',
      rule: 'Nobene upravičene pobude, odzvati pa bi se lahko {capable} ({min} ali več): namesto pridržanja naročila dodajte socialno klavzulo.',
    },
    'widen-area': {
      label: 'Razširite območje',
      rule: 'Odzvati bi se lahko le {capable} pobud (manj kot {min}): pred objavo razširite območje ali sektorje.',
    },
  },
  ar: {
    'reserve-contract': {
      label: 'احجز العقد',
      rule: 'يمكن أن تستجيب {eligible} مبادرات مؤهلة: ابتداءً من {min} تكفي المنافسة لحجز العقد (المادة 20 أو 77 من التوجيه 2014/24/EU).',
    },
    'reserve-lot': {
      label: 'احجز حصة',
      rule: 'فقط {eligible} مبادرات مؤهلة (أقل من {min})، لكن {capable} يمكن أن تستجيب إجمالًا: احجز حصة واحدة واترك الباقي مفتوحًا.',
    },
    'social-clause': {
      label: 'أضف بندًا اجتماعيًا',
      rule: 'لا توجد مبادرة مؤهلة، لكن {capable} يمكن أن تستجيب ({min} أو أكثر): أضف بندًا اجتماعيًا بدلًا من حجز العقد.',
    },
    'widen-area': { label: 'وسّع المنطقة', rule: 'فقط {capable} مبادرات يمكن أن تستجيب (أقل من {min}): وسّع المنطقة أو القطاعات قبل النشر.' },
  },
  nl: {
    'reserve-contract': {
      label: 'Behoud de opdracht voor',
      rule: '{eligible} initiatieven die in aanmerking komen, kunnen antwoorden: vanaf {min} is er genoeg mededinging om de opdracht voor te behouden (artikel 20 of 77 van Richtlijn 2014/24/EU).',
    },
    'reserve-lot': {
      label: 'Behoud een perceel voor',
      rule: 'Maar {eligible} initiatieven komen in aanmerking (minder dan {min}), terwijl er in totaal {capable} kunnen antwoorden: behoud één perceel voor en houd de rest open.',
    },
    'social-clause': {
      label: 'Voeg een sociale clausule toe',
      rule: 'Geen enkel initiatief komt in aanmerking, maar {capable} kunnen antwoorden ({min} of meer): voeg een sociale clausule toe in plaats van de opdracht voor te behouden.',
    },
    'widen-area': {
      label: 'Vergroot het gebied',
      rule: 'Maar {capable} initiatieven kunnen antwoorden (minder dan {min}): vergroot het gebied of de sectoren voordat u publiceert.',
    },
  },
  de: {
    'reserve-contract': {
      label: 'Auftrag vorbehalten',
      rule: '{eligible} geeignete Initiativen könnten antworten: ab {min} reicht der Wettbewerb, um den Auftrag vorzubehalten (Artikel 20 oder 77 der Richtlinie 2014/24/EU).',
    },
    'reserve-lot': {
      label: 'Ein Los vorbehalten',
      rule: 'Nur {eligible} geeignete Initiativen (weniger als {min}), aber insgesamt {capable} könnten antworten: ein Los vorbehalten und den Rest offen lassen.',
    },
    'social-clause': {
      label: 'Eine Sozialklausel aufnehmen',
      rule: 'Keine geeignete Initiative, aber {capable} könnten antworten ({min} oder mehr): eine Sozialklausel aufnehmen, statt den Auftrag vorzubehalten.',
    },
    'widen-area': {
      label: 'Gebiet erweitern',
      rule: 'Nur {capable} Initiativen könnten antworten (weniger als {min}): vor der Veröffentlichung das Gebiet oder die Bereiche erweitern.',
    },
  },
};

/** The suggestion's label and its rule in words, in `lang` (English for a language we do not write). */
export function suggestionWords(suggestion: Suggestion, lang: string): { label: string; rule: string } {
  const words = (WORDS[lang.toLowerCase().split('-')[0]!] ?? WORDS.en!)[suggestion.code];
  const fill = (text: string) =>
    text.replace(/\{(eligible|capable|min)\}/g, (_, name: string) =>
      String(name === 'eligible' ? suggestion.eligible : name === 'capable' ? suggestion.capable : MIN_BIDDERS),
    );
  return { label: words.label, rule: fill(words.rule) };
}

export const SUGGESTION_LANGUAGES = Object.keys(WORDS);
