// Accounts, invitations and notifications (ADR 0012): who may invite whom, the admin's levers on
// accounts, and the notices of new editors. French reference messages of this area (every other language of the area must have the same keys, checked by catalog.test.ts). `{name}` marks a value filled in by format().
const fr = {
  accountsActionsLead: 'Désactiver un compte met fin à ses sessions tout de suite, l’empêche de se connecter et arrête les invitations qu’il a envoyées. Retirer une personne d’une initiative lui en retire l’accès tout de suite. Chaque action est inscrite au journal.',
  accountStatus: 'État',
  accountActive: 'Actif',
  accountDisabledOn: 'Désactivé le {date}',
  accountActionsColumn: 'Actions',
  accountIsYou: 'Votre compte',
  accountDisableButton: 'Désactiver {email}',
  accountEnableButton: 'Réactiver {email}',
  accountRemoveEditorButton: 'Retirer {email} de {initiative}',
  accountDisabledNotice: 'Le compte {email} est désactivé : ses sessions sont terminées, il ne peut plus se connecter et ses invitations ne fonctionnent plus.',
  accountEnabledNotice: 'Le compte {email} peut de nouveau se connecter.',
  editorRemovedNotice: '{email} ne tient plus la fiche de {initiative}.',
  accountErrorCannotDisable: 'Vous ne pouvez pas désactiver votre propre compte, ni le dernier compte admin du registre.',
  inviteWithdrawLead: 'Un lien qui ne doit pas servir peut être retiré ci-dessous : il cesse de fonctionner tout de suite. Sinon, il expire de lui-même après 7 jours.',
  inviteWithdrawButton: 'Retirer l’invitation ({role}, créée le {date})',
  inviteWithdrawnNotice: 'Invitation retirée : son lien ne fonctionne plus.',
  inviteErrorHasEditors: 'Une ou plusieurs des initiatives cochées ont déjà des personnes qui tiennent leur fiche : ce sont elles, ou les admins du registre, qui invitent les suivantes. Un·e modérateur·rice invite seulement la première personne d’une initiative.',
  invitationWithdrawnTitle: 'Cette invitation a été retirée',
  invitationWithdrawnText: 'La personne qui l’a envoyée, ou les responsables du registre, l’ont retirée ; ou bien cette personne ne peut plus inviter pour cette initiative.',
  invitationErrorWithdrawn: 'Cette invitation a été retirée ou ne s’applique plus. Demandez un nouveau lien à la personne qui vous a invité·e.',
  notificationsHeading: 'Notifications',
  notificationsEmpty: 'Aucune notification.',
  notificationNew: 'Nouveau',
  notificationEditorAddedByAdmin: 'Une nouvelle personne (invitée par un·e admin) tient la fiche de {initiative} depuis le {date}.',
  notificationEditorAddedByModerator: 'Une nouvelle personne (invitée par un·e modérateur·rice) tient la fiche de {initiative} depuis le {date}.',
  notificationEditorAddedByEditor: 'Une nouvelle personne (invitée par une personne qui tient déjà la fiche) tient la fiche de {initiative} depuis le {date}.',
  notificationMarkRead: 'Marquer comme lu',
  notificationMarkedRead: 'Notification marquée comme lue.',
} as const satisfies Record<string, string>;

export default fr;
