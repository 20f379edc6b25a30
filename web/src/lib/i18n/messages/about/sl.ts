import type fr from './fr.ts';

const sl: { readonly [K in keyof typeof fr]: string } = {
  footerAccessibility: 'Dostopnost: delno skladno',
  a11yTitle: 'Izjava o dostopnosti',
  a11yIntro: 'Upravljavci vozlišča {city} registra Union Migrant Net si prizadevajo, da bi bilo to spletišče dostopno v skladu z Direktivo (EU) 2016/2102 o dostopnosti spletišč in mobilnih aplikacij subjektov javnega sektorja ter z nacionalnim zakonom, ki jo prenaša.',
  a11yScope: 'Ta izjava o dostopnosti velja za to spletišče, {site}: njegove javne strani in strani ljudi, ki upravljajo register.',
  a11yComplianceHeading: 'Stopnja skladnosti',
  a11yComplianceStatus: 'To spletišče je delno skladno z evropskim harmoniziranim standardom EN 301 549 in s smernicami za dostopnost spletnih vsebin (WCAG) 2.1, raven AA, zaradi neskladnosti, naštetih spodaj.',
  a11yNonAccessibleHeading: 'Nedostopne vsebine',
  a11yNonComplianceHeading: 'Neskladnost z zahtevami glede dostopnosti',
  a11yNonComplianceDocuments: 'Dokumenti, navedeni kot viri vnosa (poročila projektov, večinoma v PDF), niso nastali na tem spletišču in niso bili preverjeni: morda nimajo naslovov, besedilnih nadomestkov za slike ali vrstnega reda branja (WCAG 1.1.1, 1.3.1). Prosite nas za njihove informacije v drugi obliki.',
  a11yNonComplianceUntested: 'Strani še niso preizkusili z bralniki zaslona ali glasovnim upravljanjem ljudje, ki jih uporabljajo. Samodejna preverjanja najdejo le del težav: lahko ostanejo še druge napake, ki jih bomo odpravili takoj, ko bomo zanje izvedeli.',
  a11yBurdenHeading: 'Nesorazmerno breme',
  a11yBurdenNone: 'Za nobeno vsebino ne uveljavljamo nesorazmernega bremena.',
  a11yOutOfScopeHeading: 'Vsebine, ki niso v področju uporabe veljavne zakonodaje',
  a11yOutOfScopeThirdParty: 'Vnose, prejete od partnerskih vozlišč, objavljajo ta vozlišča in jih tu ni mogoče spreminjati (vsebina tretjih oseb, ki je to vozlišče ne nadzoruje). Prikazani so v dostopni postavitvi strani tega spletišča.',
  a11yPreparationHeading: 'Priprava te izjave o dostopnosti',
  a11yPreparedOn: 'Ta izjava je bila pripravljena {date}.',
  a11yMethod: 'Temelji na samooceni ljudi, ki razvijajo programsko opremo registra:',
  a11yMethodAutomated: 'samodejno preverjanje vsake vrste strani z axe-core po pravilih WCAG 2.1 ravni A in AA, v pravem brskalniku, ob vsaki spremembi programske opreme;',
  a11yMethodKeyboard: 'preverjanja uporabe s tipkovnico, ročno in s samodejnimi testi: povezava za preskok, vrstni red in vidnost fokusa;',
  a11yMethodOther: 'branje in obrazci brez JavaScripta, v jeziku, ki se piše od desne proti levi (arabščina), in na ozkem zaslonu (širine 320 slikovnih pik, kot pri 400-odstotni povečavi), in s povečanim razmikom besedila (WCAG 1.4.12).',
  a11yReviewedOn: 'Izjava je bila nazadnje pregledana {date}.',
  a11yFeedbackHeading: 'Povratne informacije in kontaktni podatki',
  a11yFeedbackText: 'Če naletite na težavo, ki tu ni navedena, ali potrebujete informacije s tega spletišča v dostopni obliki, obvestite upravljavce tega vozlišča:',
  a11yFeedbackNoOperators: 'Če naletite na težavo, ki tu ni navedena, ali potrebujete informacije s tega spletišča v dostopni obliki, obvestite organizacijo, ki upravlja to vozlišče.',
  a11yFeedbackPrivacy: 'Navedite naslov strani in opišite težavo. Ni vam treba povedati, kdo ste: navedite le način, kako vam lahko odgovorimo, če želite odgovor.',
  a11yEnforcementHeading: 'Izvršilni postopek',
  a11yEnforcementText: 'Če niste zadovoljni z odgovorom na svoje obvestilo ali zahtevo, se lahko obrnete na organ, ki nadzoruje izvajanje direktive o dostopnosti v državi tega vozlišča ({country}). Evropska komisija objavlja seznam teh organov po državah:',
  a11yEnforcementLink: 'Nacionalni organi za spremljanje in izvrševanje (Evropska komisija)',
};

export default sl;
