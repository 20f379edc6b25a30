import type fr from './fr.ts';

const de: { readonly [K in keyof typeof fr]: string } = {
  footerAccessibility: 'Barrierefreiheit: teilweise vereinbar',
  a11yTitle: 'Erklärung zur Barrierefreiheit',
  a11yIntro: 'Die Betreiber des Knotens {city} des Registers Union Migrant Net sind bemüht, diese Website barrierefrei zugänglich zu machen, im Einklang mit der Richtlinie (EU) 2016/2102 über den barrierefreien Zugang zu den Websites und mobilen Anwendungen öffentlicher Stellen und dem nationalen Gesetz, das sie umsetzt.',
  a11yScope: 'Diese Erklärung zur Barrierefreiheit gilt für diese Website, {site}: ihre öffentlichen Seiten und die Seiten der Menschen, die das Register verwalten.',
  a11yComplianceHeading: 'Stand der Vereinbarkeit mit den Anforderungen',
  a11yComplianceStatus: 'Diese Website ist wegen der unten aufgeführten Unvereinbarkeiten teilweise mit der harmonisierten europäischen Norm EN 301 549 und den Richtlinien für barrierefreie Webinhalte (WCAG) 2.1, Stufe AA, vereinbar.',
  a11yNonAccessibleHeading: 'Nicht barrierefreie Inhalte',
  a11yNonComplianceHeading: 'Unvereinbarkeiten mit den Anforderungen an die Barrierefreiheit',
  a11yNonComplianceDocuments: 'Dokumente, die als Quellen eines Eintrags genannt werden (Projektberichte, meist als PDF), stammen nicht von dieser Website und wurden nicht geprüft: Ihnen können Überschriften, Textalternativen für Bilder oder eine Lesereihenfolge fehlen (WCAG 1.1.1, 1.3.1). Fragen Sie uns nach ihren Informationen in anderer Form.',
  a11yNonComplianceUntested: 'Die Seiten wurden noch nicht von Menschen, die Screenreader oder Sprachsteuerung nutzen, damit getestet. Automatische Prüfungen finden nur einen Teil der Probleme: Weitere Mängel können bestehen; wir beheben sie, sobald wir davon erfahren.',
  a11yBurdenHeading: 'Unverhältnismäßige Belastung',
  a11yBurdenNone: 'Für keinen Inhalt machen wir eine unverhältnismäßige Belastung geltend.',
  a11yOutOfScopeHeading: 'Inhalte, die nicht in den Anwendungsbereich der Rechtsvorschriften fallen',
  a11yOutOfScopeThirdParty: 'Einträge von Partnerknoten werden von diesen Knoten veröffentlicht und können hier nicht geändert werden (Inhalte Dritter, die dieser Knoten nicht kontrolliert). Sie werden im barrierefreien Seitenlayout dieser Website gezeigt.',
  a11yPreparationHeading: 'Erstellung dieser Erklärung zur Barrierefreiheit',
  a11yPreparedOn: 'Diese Erklärung wurde am {date} erstellt.',
  a11yMethod: 'Sie beruht auf einer Selbstbewertung durch die Menschen, die die Software des Registers entwickeln:',
  a11yMethodAutomated: 'eine automatische Prüfung jeder Seitenart mit axe-core nach den Regeln der WCAG 2.1, Stufen A und AA, in einem echten Browser, bei jeder Änderung der Software;',
  a11yMethodKeyboard: 'Prüfungen der Bedienung mit der Tastatur, von Hand und in automatischen Tests: Sprunglink, Reihenfolge und Sichtbarkeit des Fokus;',
  a11yMethodOther: 'Lesen und Formulare ohne JavaScript, in einer von rechts nach links geschriebenen Sprache (Arabisch) und auf einem schmalen Bildschirm (320 Pixel breit, wie bei 400 % Zoom), und mit vergrößerten Text-Abständen (WCAG 1.4.12).',
  a11yReviewedOn: 'Die Erklärung wurde zuletzt am {date} überprüft.',
  a11yFeedbackHeading: 'Feedback und Kontaktangaben',
  a11yFeedbackText: 'Wenn Sie auf ein Problem stoßen, das hier nicht aufgeführt ist, oder eine Information dieser Website in barrierefreier Form brauchen, melden Sie es den Betreibern dieses Knotens:',
  a11yFeedbackNoOperators: 'Wenn Sie auf ein Problem stoßen, das hier nicht aufgeführt ist, oder eine Information dieser Website in barrierefreier Form brauchen, melden Sie es der Organisation, die diesen Knoten betreibt.',
  a11yFeedbackPrivacy: 'Nennen Sie die Adresse der Seite und beschreiben Sie das Problem. Sie müssen nicht sagen, wer Sie sind: Geben Sie nur einen Weg für eine Antwort an, wenn Sie eine wünschen.',
  a11yEnforcementHeading: 'Durchsetzungsverfahren',
  a11yEnforcementText: 'Wenn Sie mit der Antwort auf Ihre Meldung oder Anfrage nicht zufrieden sind, können Sie sich an die Stelle wenden, die die Richtlinie zur Barrierefreiheit im Land dieses Knotens ({country}) durchsetzt. Die Europäische Kommission führt diese Stellen Land für Land auf:',
  a11yEnforcementLink: 'Nationale Überwachungs- und Durchsetzungsstellen (Europäische Kommission)',
};

export default de;
