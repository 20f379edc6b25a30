import type fr from './fr.ts';

const nl: { readonly [K in keyof typeof fr]: string } = {
  footerAccessibility: 'Toegankelijkheid: gedeeltelijk conform',
  a11yTitle: 'Toegankelijkheidsverklaring',
  a11yIntro: 'De beheerders van het knooppunt {city} van het register Union Migrant Net streven ernaar deze website toegankelijk te maken, overeenkomstig Richtlijn (EU) 2016/2102 inzake de toegankelijkheid van de websites en mobiele applicaties van overheidsinstanties en de nationale wet die haar omzet.',
  a11yScope: 'Deze toegankelijkheidsverklaring is van toepassing op deze website, {site}: de openbare pagina’s en de pagina’s van de mensen die het register beheren.',
  a11yComplianceHeading: 'Nalevingsstatus',
  a11yComplianceStatus: 'Deze website is gedeeltelijk conform de geharmoniseerde Europese norm EN 301 549 en de richtlijnen voor toegankelijkheid van webcontent (WCAG) 2.1, niveau AA, vanwege de hieronder vermelde niet-conformiteiten.',
  a11yNonAccessibleHeading: 'Niet-toegankelijke inhoud',
  a11yNonComplianceHeading: 'Niet-naleving van de toegankelijkheidsvoorschriften',
  a11yNonComplianceDocuments: 'Documenten die als bron van een vermelding worden genoemd (projectrapporten, meestal in pdf) zijn niet door deze website gemaakt en zijn niet gecontroleerd: er kunnen koppen, tekstalternatieven voor afbeeldingen of een leesvolgorde ontbreken (WCAG 1.1.1, 1.3.1). Vraag ons de informatie die ze bevatten in een andere vorm.',
  a11yNonComplianceUntested: 'De pagina’s zijn nog niet getest met schermlezers of spraakbediening door de mensen die ze gebruiken. Automatische controles vinden maar een deel van de problemen: er kunnen andere gebreken overblijven, die we herstellen zodra we ze kennen.',
  a11yBurdenHeading: 'Onevenredige last',
  a11yBurdenNone: 'Voor geen enkele inhoud beroepen we ons op een onevenredige last.',
  a11yOutOfScopeHeading: 'Inhoud die buiten het toepassingsgebied van de wetgeving valt',
  a11yOutOfScopeThirdParty: 'Vermeldingen die van partnerknooppunten komen, worden door die knooppunten gepubliceerd en kunnen hier niet worden gewijzigd (inhoud van derden waarover dit knooppunt geen controle heeft). Ze worden getoond in de toegankelijke opmaak van deze website.',
  a11yPreparationHeading: 'Opstelling van deze toegankelijkheidsverklaring',
  a11yPreparedOn: 'Deze verklaring is opgesteld op {date}.',
  a11yMethod: 'Ze berust op een zelfbeoordeling door de mensen die de software van het register ontwikkelen:',
  a11yMethodAutomated: 'een automatische controle van elk soort pagina met axe-core volgens de regels van WCAG 2.1, niveau A en AA, in een echte browser, bij elke wijziging van de software;',
  a11yMethodKeyboard: 'controles van het gebruik met het toetsenbord, met de hand en in automatische tests: skiplink, volgorde en zichtbaarheid van de focus;',
  a11yMethodOther: 'lezen en formulieren zonder JavaScript, in een taal die van rechts naar links wordt geschreven (Arabisch) en op een smal scherm (320 pixels breed, zoals bij 400% zoom), en met grotere tekstafstand (WCAG 1.4.12).',
  a11yReviewedOn: 'De verklaring is voor het laatst herzien op {date}.',
  a11yFeedbackHeading: 'Feedback en contactgegevens',
  a11yFeedbackText: 'Stuit u op een probleem dat hier niet vermeld is, of hebt u informatie van deze website in een toegankelijke vorm nodig, meld het dan aan de beheerders van dit knooppunt:',
  a11yFeedbackNoOperators: 'Stuit u op een probleem dat hier niet vermeld is, of hebt u informatie van deze website in een toegankelijke vorm nodig, meld het dan aan de organisatie die dit knooppunt beheert.',
  a11yFeedbackPrivacy: 'Geef het adres van de pagina en beschrijf het probleem. U hoeft niet te zeggen wie u bent: geef alleen een manier om u te antwoorden als u een antwoord wilt.',
  a11yEnforcementHeading: 'Handhavingsprocedure',
  a11yEnforcementText: 'Bent u niet tevreden met het antwoord op uw melding of verzoek, dan kunt u zich wenden tot de instantie die de toegankelijkheidsrichtlijn handhaaft in het land van dit knooppunt ({country}). De Europese Commissie vermeldt deze instanties per land:',
  a11yEnforcementLink: 'Nationale toezicht- en handhavingsinstanties (Europese Commissie)',
};

export default nl;
