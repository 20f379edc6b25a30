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
      rule: 'Eligible initiatives: {eligible}, at least {min}: enough competition to reserve the contract (Article 20 or 77 of Directive 2014/24/EU).',
    },
    'reserve-lot': {
      label: 'Reserve a lot',
      rule: 'Eligible initiatives: {eligible}, fewer than {min}; initiatives that could answer in all: {capable}: reserve one lot and keep the rest open.',
    },
    'social-clause': {
      label: 'Add a social clause',
      rule: 'Eligible initiatives: none; initiatives that could answer in all: {capable}, at least {min}: add a social clause rather than reserve the contract.',
    },
    'widen-area': {
      label: 'Widen the area',
      rule: 'Initiatives that could answer in all: {capable}, fewer than {min}: widen the area or the sectors before posting.',
    },
  },
  fr: {
    'reserve-contract': {
      label: 'Réserver le marché',
      rule: 'Initiatives éligibles : {eligible}, au moins {min} : assez de concurrence pour réserver le marché (article 20 ou 77 de la directive 2014/24/UE).',
    },
    'reserve-lot': {
      label: 'Réserver un lot',
      rule: 'Initiatives éligibles : {eligible}, moins de {min} ; initiatives qui pourraient répondre en tout : {capable} : réservez un lot et laissez le reste ouvert.',
    },
    'social-clause': {
      label: 'Ajouter une clause sociale',
      rule: 'Initiatives éligibles : aucune ; initiatives qui pourraient répondre en tout : {capable}, au moins {min} : ajoutez une clause sociale plutôt que de réserver le marché.',
    },
    'widen-area': {
      label: 'Élargir la zone',
      rule: 'Initiatives qui pourraient répondre en tout : {capable}, moins de {min} : élargissez la zone ou les secteurs avant de publier.',
    },
  },
  it: {
    'reserve-contract': {
      label: "Riservare l'appalto",
      rule: 'Iniziative ammissibili: {eligible}, almeno {min}: concorrenza sufficiente per riservare l’appalto (articolo 20 o 77 della direttiva 2014/24/UE).',
    },
    'reserve-lot': {
      label: 'Riservare un lotto',
      rule: 'Iniziative ammissibili: {eligible}, meno di {min}; iniziative che potrebbero rispondere in tutto: {capable}: riservate un lotto e lasciate aperto il resto.',
    },
    'social-clause': {
      label: 'Aggiungere una clausola sociale',
      rule: 'Iniziative ammissibili: nessuna; iniziative che potrebbero rispondere in tutto: {capable}, almeno {min}: aggiungete una clausola sociale invece di riservare l’appalto.',
    },
    'widen-area': {
      label: "Allargare l'area",
      rule: 'Iniziative che potrebbero rispondere in tutto: {capable}, meno di {min}: allargate l’area o i settori prima di pubblicare.',
    },
  },
  el: {
    'reserve-contract': {
      label: 'Προκράτηση της σύμβασης',
      rule: 'Επιλέξιμες πρωτοβουλίες: {eligible}, τουλάχιστον {min}: αρκετός ανταγωνισμός για να προκρατηθεί η σύμβαση (άρθρο 20 ή 77 της οδηγίας 2014/24/ΕΕ).',
    },
    'reserve-lot': {
      label: 'Προκράτηση ενός τμήματος',
      rule: 'Επιλέξιμες πρωτοβουλίες: {eligible}, λιγότερες από {min}· πρωτοβουλίες που θα μπορούσαν να απαντήσουν συνολικά: {capable}: προκρατήστε ένα τμήμα και αφήστε το υπόλοιπο ανοιχτό.',
    },
    'social-clause': {
      label: 'Προσθήκη κοινωνικής ρήτρας',
      rule: 'Επιλέξιμες πρωτοβουλίες: καμία· πρωτοβουλίες που θα μπορούσαν να απαντήσουν συνολικά: {capable}, τουλάχιστον {min}: προσθέστε κοινωνική ρήτρα αντί να προκρατήσετε τη σύμβαση.',
    },
    'widen-area': {
      label: 'Διεύρυνση της περιοχής',
      rule: 'Πρωτοβουλίες που θα μπορούσαν να απαντήσουν συνολικά: {capable}, λιγότερες από {min}: διευρύνετε την περιοχή ή τους τομείς πριν από τη δημοσίευση.',
    },
  },
  bg: {
    'reserve-contract': {
      label: 'Запазете поръчката',
      rule: 'Допустими инициативи: {eligible}, поне {min}: конкуренцията е достатъчна, за да се запази поръчката (член 20 или 77 от Директива 2014/24/ЕС).',
    },
    'reserve-lot': {
      label: 'Запазете обособена позиция',
      rule: 'Допустими инициативи: {eligible}, по-малко от {min}; инициативи, които биха могли да отговорят, общо: {capable}: запазете една обособена позиция, а останалото оставете отворено.',
    },
    'social-clause': {
      label: 'Добавете социална клауза',
      rule: 'Допустими инициативи: няма; инициативи, които биха могли да отговорят, общо: {capable}, поне {min}: добавете социална клауза, вместо да запазвате поръчката.',
    },
    'widen-area': {
      label: 'Разширете района',
      rule: 'Инициативи, които биха могли да отговорят, общо: {capable}, по-малко от {min}: разширете района или секторите, преди да публикувате.',
    },
  },
  sl: {
    'reserve-contract': {
      label: 'Pridržite naročilo',
      rule: 'Upravičene pobude: {eligible}, vsaj {min}: dovolj konkurence za pridržano naročilo (člen 20 ali 77 Direktive 2014/24/EU).',
    },
    'reserve-lot': {
      label: 'Pridržite sklop',
      rule: 'Upravičene pobude: {eligible}, manj kot {min}; pobude, ki bi se lahko odzvale, skupaj: {capable}: pridržite en sklop, preostanek naj ostane odprt.',
    },
    'social-clause': {
      label: 'Dodajte socialno klavzulo',
      rule: 'Upravičene pobude: nobena; pobude, ki bi se lahko odzvale, skupaj: {capable}, vsaj {min}: namesto pridržanja naročila dodajte socialno klavzulo.',
    },
    'widen-area': {
      label: 'Razširite območje',
      rule: 'Pobude, ki bi se lahko odzvale, skupaj: {capable}, manj kot {min}: pred objavo razširite območje ali sektorje.',
    },
  },
  ar: {
    'reserve-contract': {
      label: 'احجز العقد',
      rule: 'المبادرات المؤهلة: {eligible}، أي {min} على الأقل: منافسة كافية لحجز العقد (المادة 20 أو 77 من التوجيه 2014/24/EU).',
    },
    'reserve-lot': {
      label: 'احجز حصة',
      rule: 'المبادرات المؤهلة: {eligible}، أي أقل من {min}؛ المبادرات التي يمكن أن تستجيب إجمالًا: {capable}: احجز حصة واحدة واترك الباقي مفتوحًا.',
    },
    'social-clause': {
      label: 'أضف بندًا اجتماعيًا',
      rule: 'المبادرات المؤهلة: لا شيء؛ المبادرات التي يمكن أن تستجيب إجمالًا: {capable}، أي {min} على الأقل: أضف بندًا اجتماعيًا بدلًا من حجز العقد.',
    },
    'widen-area': {
      label: 'وسّع المنطقة',
      rule: 'المبادرات التي يمكن أن تستجيب إجمالًا: {capable}، أي أقل من {min}: وسّع المنطقة أو القطاعات قبل النشر.',
    },
  },
  nl: {
    'reserve-contract': {
      label: 'Behoud de opdracht voor',
      rule: 'Initiatieven die in aanmerking komen: {eligible}, minstens {min}: genoeg mededinging om de opdracht voor te behouden (artikel 20 of 77 van Richtlijn 2014/24/EU).',
    },
    'reserve-lot': {
      label: 'Behoud een perceel voor',
      rule: 'Initiatieven die in aanmerking komen: {eligible}, minder dan {min}; initiatieven die in totaal kunnen antwoorden: {capable}: behoud één perceel voor en houd de rest open.',
    },
    'social-clause': {
      label: 'Voeg een sociale clausule toe',
      rule: 'Initiatieven die in aanmerking komen: geen; initiatieven die in totaal kunnen antwoorden: {capable}, minstens {min}: voeg een sociale clausule toe in plaats van de opdracht voor te behouden.',
    },
    'widen-area': {
      label: 'Vergroot het gebied',
      rule: 'Initiatieven die in totaal kunnen antwoorden: {capable}, minder dan {min}: vergroot het gebied of de sectoren voordat u publiceert.',
    },
  },
  de: {
    'reserve-contract': {
      label: 'Auftrag vorbehalten',
      rule: 'Geeignete Initiativen: {eligible}, mindestens {min}: genug Wettbewerb, um den Auftrag vorzubehalten (Artikel 20 oder 77 der Richtlinie 2014/24/EU).',
    },
    'reserve-lot': {
      label: 'Ein Los vorbehalten',
      rule: 'Geeignete Initiativen: {eligible}, weniger als {min}; Initiativen, die insgesamt antworten könnten: {capable}: ein Los vorbehalten und den Rest offen lassen.',
    },
    'social-clause': {
      label: 'Eine Sozialklausel aufnehmen',
      rule: 'Geeignete Initiativen: keine; Initiativen, die insgesamt antworten könnten: {capable}, mindestens {min}: eine Sozialklausel aufnehmen, statt den Auftrag vorzubehalten.',
    },
    'widen-area': {
      label: 'Gebiet erweitern',
      rule: 'Initiativen, die insgesamt antworten könnten: {capable}, weniger als {min}: vor der Veröffentlichung das Gebiet oder die Bereiche erweitern.',
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
