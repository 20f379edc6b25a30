import type fr from './fr.ts';

const it: { readonly [K in keyof typeof fr]: string } = {
  footerAccessibility: 'Accessibilità: parzialmente conforme',
  a11yTitle: 'Dichiarazione di accessibilità',
  a11yIntro: 'Gli operatori del nodo di {city} del registro Union Migrant Net si impegnano a rendere accessibile questo sito web, conformemente alla direttiva (UE) 2016/2102 relativa all’accessibilità dei siti web e delle applicazioni mobili degli enti pubblici e alla legge nazionale che la recepisce.',
  a11yScope: 'La presente dichiarazione di accessibilità si applica a questo sito, {site}: le sue pagine pubbliche e le pagine delle persone che gestiscono il registro.',
  a11yComplianceHeading: 'Stato di conformità',
  a11yComplianceStatus: 'Questo sito è parzialmente conforme alla norma europea armonizzata EN 301 549 e alle linee guida per l’accessibilità dei contenuti web (WCAG) 2.1, livello AA, a causa dei casi di non conformità elencati di seguito.',
  a11yNonAccessibleHeading: 'Contenuti non accessibili',
  a11yNonComplianceHeading: 'Non conformità ai requisiti di accessibilità',
  a11yNonComplianceDocuments: 'I documenti citati come fonti di una scheda (rapporti di progetto, per lo più in PDF) non sono stati prodotti da questo sito e non sono stati verificati: possono mancare di titoli, di alternative testuali alle immagini o di un ordine di lettura (WCAG 1.1.1, 1.3.1). Chiedeteci le informazioni che contengono in un’altra forma.',
  a11yNonComplianceUntested: 'Le pagine non sono ancora state provate con lettori di schermo o comandi vocali dalle persone che li usano. I controlli automatici trovano solo una parte dei problemi: possono restarne altri, che correggeremo appena ne verremo a conoscenza.',
  a11yBurdenHeading: 'Onere sproporzionato',
  a11yBurdenNone: 'Non invochiamo un onere sproporzionato per alcun contenuto.',
  a11yOutOfScopeHeading: 'Contenuti che non rientrano nell’ambito della legislazione applicabile',
  a11yOutOfScopeThirdParty: 'Le schede ricevute dai nodi partner sono pubblicate da quei nodi e non possono essere modificate qui (contenuti di terzi che questo nodo non controlla). Sono presentate con l’impaginazione accessibile di questo sito.',
  a11yPreparationHeading: 'Redazione della presente dichiarazione',
  a11yPreparedOn: 'La presente dichiarazione è stata redatta il {date}.',
  a11yMethod: 'Si basa su un’autovalutazione delle persone che sviluppano il software del registro:',
  a11yMethodAutomated: 'un controllo automatico di ogni tipo di pagina con axe-core secondo le regole WCAG 2.1 di livello A e AA, in un vero browser, a ogni modifica del software;',
  a11yMethodKeyboard: 'verifiche dell’uso da tastiera, a mano e con test automatici: collegamento per saltare al contenuto, ordine e visibilità del focus;',
  a11yMethodOther: 'lettura e moduli con JavaScript disattivato, in una lingua scritta da destra a sinistra (l’arabo) e su uno schermo stretto (320 pixel di larghezza, come con uno zoom al 400%), e con una spaziatura del testo aumentata (WCAG 1.4.12).',
  a11yReviewedOn: 'La dichiarazione è stata riesaminata l’ultima volta il {date}.',
  a11yFeedbackHeading: 'Meccanismo di feedback e recapiti',
  a11yFeedbackText: 'Se incontrate un problema non indicato qui, o vi serve un’informazione di questo sito in forma accessibile, avvisate gli operatori di questo nodo:',
  a11yFeedbackNoOperators: 'Se incontrate un problema non indicato qui, o vi serve un’informazione di questo sito in forma accessibile, avvisate l’organizzazione che gestisce questo nodo.',
  a11yFeedbackPrivacy: 'Indicate l’indirizzo della pagina e descrivete il problema. Non dovete dire chi siete: date solo un modo per rispondervi, se desiderate una risposta.',
  a11yEnforcementHeading: 'Procedura di attuazione',
  a11yEnforcementText: 'Se la risposta alla vostra segnalazione o richiesta non vi soddisfa, potete rivolgervi all’organismo che fa applicare la direttiva sull’accessibilità nel paese di questo nodo ({country}). La Commissione europea pubblica l’elenco di questi organismi, paese per paese:',
  a11yEnforcementLink: 'Organismi nazionali di monitoraggio e di attuazione (Commissione europea)',
};

export default it;
