// A full adoption record (Milan adapting Liège's one-stop shop), for the tests of the schema and of the emitted object.
export const adoption = {
  handle: 'one-stop-shop-from-liege',
  practice: 'https://liege.example/practices/pt4-guichet-unique',
  stage: 'adapting',
  stageDates: { adopting: '2026-03', adapting: '2026-09-15' },
  title: { it: 'Lo sportello unico di Liegi, adattato a Milano' },
  summary: { it: 'Milano adatta lo sportello unico per i bisogni di base.' },
  kept: { it: 'Un solo luogo per i bisogni di base e il primo progetto professionale.' },
  changes: [{ change: { it: 'Aperto il sabato' }, why: { it: 'Chi lavora nei giorni feriali non poteva venire.' } }],
  organisations: [
    { name: 'Comune di Milano, Politiche sociali', role: 'city' },
    { name: 'CGIL Milano', role: 'union' },
  ],
  resources: { it: 'Due operatori a tempo pieno, locali del Comune.' },
  outcomes: [
    {
      value: 120,
      unit: 'persone',
      description: { it: 'Persone accolte nei primi tre mesi' },
      date: '2026-12',
      source: { title: 'Relazione trimestrale', publisher: 'Comune di Milano', date: '2026-12-20' },
    },
  ],
  originalLanguage: 'it',
  node: 'milan',
};
