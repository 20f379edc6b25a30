// Accounts, invitations and notifications (ADR 0012): who may invite whom, the admin's levers on
// accounts, and the notices of new editors. Messages in de; the keys are those of fr.ts.
const de = {
  accountsActionsLead: 'Ein Konto zu deaktivieren beendet sofort seine Sitzungen, verhindert die Anmeldung und stoppt die Einladungen, die es verschickt hat. Eine Person aus einer Initiative zu entfernen, entzieht ihr sofort den Zugang. Jede Aktion wird im Protokoll festgehalten.',
  accountStatus: 'Status',
  accountActive: 'Aktiv',
  accountDisabledOn: 'Deaktiviert am {date}',
  accountActionsColumn: 'Aktionen',
  accountIsYou: 'Ihr Konto',
  accountDisableButton: '{email} deaktivieren',
  accountEnableButton: '{email} wieder aktivieren',
  accountRemoveEditorButton: '{email} aus {initiative} entfernen',
  accountDisabledNotice: 'Das Konto {email} ist deaktiviert: Seine Sitzungen sind beendet, es kann sich nicht anmelden, und seine Einladungen funktionieren nicht mehr.',
  accountEnabledNotice: 'Das Konto {email} kann sich wieder anmelden.',
  editorRemovedNotice: '{email} pflegt das Profil von {initiative} nicht mehr.',
  accountErrorCannotDisable: 'Sie können weder Ihr eigenes Konto noch das letzte Admin-Konto des Registers deaktivieren.',
  inviteWithdrawLead: 'Ein Link, der nicht benutzt werden soll, kann unten zurückgezogen werden: Er funktioniert sofort nicht mehr. Sonst läuft er nach 7 Tagen von selbst ab.',
  inviteWithdrawButton: 'Einladung zurückziehen ({role}, erstellt am {date})',
  inviteWithdrawnNotice: 'Einladung zurückgezogen: Ihr Link funktioniert nicht mehr.',
  inviteErrorHasEditors: 'Eine oder mehrere der angekreuzten Initiativen haben bereits Personen, die ihr Profil pflegen: Diese oder die Admins des Registers laden die nächsten ein. Moderator·innen laden nur die erste Person einer Initiative ein.',
  invitationWithdrawnTitle: 'Diese Einladung wurde zurückgezogen',
  invitationWithdrawnText: 'Die Person, die sie geschickt hat, oder die Verantwortlichen des Registers haben sie zurückgezogen; oder diese Person kann für diese Initiative nicht mehr einladen.',
  invitationErrorWithdrawn: 'Diese Einladung wurde zurückgezogen oder gilt nicht mehr. Bitten Sie die Person, die Sie eingeladen hat, um einen neuen Link.',
  notificationsHeading: 'Benachrichtigungen',
  notificationsEmpty: 'Keine Benachrichtigungen.',
  notificationNew: 'Neu',
  notificationEditorAddedByAdmin: 'Eine neue Person (eingeladen von einem Admin) pflegt seit dem {date} das Profil von {initiative}.',
  notificationEditorAddedByModerator: 'Eine neue Person (eingeladen von einer Moderatorin oder einem Moderator) pflegt seit dem {date} das Profil von {initiative}.',
  notificationEditorAddedByEditor: 'Eine neue Person (eingeladen von jemandem, der das Profil schon pflegt) pflegt seit dem {date} das Profil von {initiative}.',
  notificationMarkRead: 'Als gelesen markieren',
  notificationMarkedRead: 'Benachrichtigung als gelesen markiert.',
} as const satisfies Record<string, string>;

export default de;
