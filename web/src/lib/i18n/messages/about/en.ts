import type fr from './fr.ts';

const en: { readonly [K in keyof typeof fr]: string } = {
  footerAccessibility: 'Accessibility: partially compliant',
  a11yTitle: 'Accessibility statement',
  a11yIntro: 'The operators of the {city} node of the Union Migrant Net registry are committed to making this website accessible, in accordance with Directive (EU) 2016/2102 on the accessibility of the websites and mobile applications of public sector bodies, and with the national law that transposes it.',
  a11yScope: 'This accessibility statement applies to this website, {site}: its public pages and the pages of the people who manage the registry.',
  a11yComplianceHeading: 'Compliance status',
  a11yComplianceStatus: 'This website is partially compliant with the harmonised European standard EN 301 549 and with the Web Content Accessibility Guidelines (WCAG) 2.1, level AA, due to the non-compliances listed below.',
  a11yNonAccessibleHeading: 'Non-accessible content',
  a11yNonComplianceHeading: 'Non-compliance with the accessibility requirements',
  a11yNonComplianceDocuments: 'Documents cited as sources of a listing (project reports, mostly PDF) were not made by this website and have not been checked: they may lack headings, text alternatives for images or a reading order (WCAG 1.1.1, 1.3.1). Ask us for the information they contain in another form.',
  a11yNonComplianceUntested: 'The pages have not yet been tested with screen readers or voice control by the people who use them. Automated checks find only part of the problems: other failures may remain, and we will correct them as soon as we know of them.',
  a11yBurdenHeading: 'Disproportionate burden',
  a11yBurdenNone: 'We do not claim a disproportionate burden for any content.',
  a11yOutOfScopeHeading: 'Content not within the scope of the applicable legislation',
  a11yOutOfScopeThirdParty: 'Listings received from partner nodes are published by those nodes and cannot be changed here (third-party content that this node does not control). They are shown in this site’s accessible page layout.',
  a11yPreparationHeading: 'Preparation of this accessibility statement',
  a11yPreparedOn: 'This statement was prepared on {date}.',
  a11yMethod: 'It is based on a self-assessment by the people who develop the registry’s software:',
  a11yMethodAutomated: 'an automated check of every type of page with axe-core against the WCAG 2.1 level A and AA rules, in a real browser, with every change to the software;',
  a11yMethodKeyboard: 'checks of keyboard use, by hand and in automated tests: skip link, order and visibility of the focus;',
  a11yMethodOther: 'reading and forms with JavaScript turned off, in a right-to-left language (Arabic) and on a narrow screen (320 pixels wide, as at 400% zoom), and with increased text spacing (WCAG 1.4.12).',
  a11yReviewedOn: 'The statement was last reviewed on {date}.',
  a11yFeedbackHeading: 'Feedback and contact information',
  a11yFeedbackText: 'If you meet a problem that is not listed here, or need information from this site in an accessible form, tell the operators of this node:',
  a11yFeedbackNoOperators: 'If you meet a problem that is not listed here, or need information from this site in an accessible form, tell the organisation that runs this node.',
  a11yFeedbackPrivacy: 'Give the address of the page and describe the problem. You need not say who you are: only give a way to answer you if you want an answer.',
  a11yEnforcementHeading: 'Enforcement procedure',
  a11yEnforcementText: 'If you are not satisfied with the answer to your notification or request, you can turn to the body that enforces the accessibility directive in the country of this node ({country}). The European Commission lists these bodies country by country:',
  a11yEnforcementLink: 'National monitoring and enforcement bodies (European Commission)',
};

export default en;
