// The accessibility statement and other pages about the site: French reference messages of this area (every other language of the area
// must have the same keys, checked by catalog.test.ts). `{name}` marks a value filled in by format().
// The statement follows the model of Commission Implementing Decision (EU) 2018/1523.
const fr = {
  footerAccessibility: 'Accessibilité : partiellement conforme',
  a11yTitle: 'Déclaration d’accessibilité',
  a11yIntro: 'Les opérateurs du nœud de {city} du registre Union Migrant Net s’engagent à rendre ce site web accessible, conformément à la directive (UE) 2016/2102 relative à l’accessibilité des sites internet et des applications mobiles des organismes du secteur public, et à la loi nationale qui la transpose.',
  a11yScope: 'Cette déclaration d’accessibilité s’applique à ce site, {site} : ses pages publiques et les pages des personnes qui gèrent le registre.',
  a11yComplianceHeading: 'État de conformité',
  a11yComplianceStatus: 'Ce site est partiellement conforme à la norme européenne harmonisée EN 301 549 et aux règles pour l’accessibilité des contenus web (WCAG) 2.1, niveau AA, en raison des non-conformités énumérées ci-dessous.',
  a11yNonAccessibleHeading: 'Contenus non accessibles',
  a11yNonComplianceHeading: 'Non-conformités',
  a11yNonComplianceDocuments: 'Les documents cités comme sources d’une fiche (rapports de projet, surtout en PDF) n’ont pas été produits par ce site et n’ont pas été vérifiés : il peut leur manquer des titres, des alternatives textuelles aux images ou un ordre de lecture (WCAG 1.1.1, 1.3.1). Demandez-nous les informations qu’ils contiennent sous une autre forme.',
  a11yNonComplianceUntested: 'Les pages n’ont pas encore été testées avec des lecteurs d’écran ou la commande vocale par les personnes qui les utilisent. Les vérifications automatiques ne trouvent qu’une partie des problèmes : d’autres défauts peuvent subsister ; nous les corrigerons dès que nous les connaîtrons.',
  a11yBurdenHeading: 'Charge disproportionnée',
  a11yBurdenNone: 'Nous n’invoquons de charge disproportionnée pour aucun contenu.',
  a11yOutOfScopeHeading: 'Contenus non soumis à l’obligation d’accessibilité',
  a11yOutOfScopeThirdParty: 'Les fiches reçues des nœuds partenaires sont publiées par ces nœuds et ne peuvent pas être modifiées ici (contenu de tiers que ce nœud ne contrôle pas). Elles sont présentées dans la mise en page accessible de ce site.',
  a11yPreparationHeading: 'Établissement de cette déclaration',
  a11yPreparedOn: 'Cette déclaration a été établie le {date}.',
  a11yMethod: 'Elle repose sur une auto-évaluation par les personnes qui développent le logiciel du registre :',
  a11yMethodAutomated: 'une vérification automatique de chaque type de page avec axe-core, selon les règles des WCAG 2.1 de niveaux A et AA, dans un vrai navigateur, à chaque modification du logiciel ;',
  a11yMethodKeyboard: 'des vérifications de l’usage au clavier, à la main et par des tests automatiques : lien d’évitement, ordre et visibilité du focus ;',
  a11yMethodOther: 'la lecture et les formulaires sans JavaScript, dans une langue écrite de droite à gauche (l’arabe) et sur un écran étroit (320 pixels de large, comme avec un zoom de 400 %), et avec un espacement du texte augmenté (WCAG 1.4.12).',
  a11yReviewedOn: 'La déclaration a été revue pour la dernière fois le {date}.',
  a11yFeedbackHeading: 'Retour d’information et coordonnées',
  a11yFeedbackText: 'Si vous rencontrez un problème qui n’est pas signalé ici, ou s’il vous faut une information de ce site sous une forme accessible, prévenez les opérateurs de ce nœud :',
  a11yFeedbackNoOperators: 'Si vous rencontrez un problème qui n’est pas signalé ici, ou s’il vous faut une information de ce site sous une forme accessible, prévenez l’organisme qui gère ce nœud.',
  a11yFeedbackPrivacy: 'Indiquez l’adresse de la page et décrivez le problème. Vous n’avez pas à dire qui vous êtes : donnez seulement un moyen de vous répondre si vous souhaitez une réponse.',
  a11yEnforcementHeading: 'Procédure de mise en œuvre',
  a11yEnforcementText: 'Si la réponse à votre signalement ou à votre demande ne vous satisfait pas, vous pouvez vous adresser à l’organisme chargé de faire appliquer la directive sur l’accessibilité dans le pays de ce nœud ({country}). La Commission européenne publie la liste de ces organismes, pays par pays :',
  a11yEnforcementLink: 'Organismes nationaux de contrôle et de mise en œuvre (Commission européenne)',
} as const satisfies Record<string, string>;

export default fr;
