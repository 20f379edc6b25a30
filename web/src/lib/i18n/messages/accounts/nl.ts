// Accounts, invitations and notifications (ADR 0012): who may invite whom, the admin's levers on
// accounts, and the notices of new editors. Messages in nl; the keys are those of fr.ts.
const nl = {
  accountsActionsLead: 'Een account uitschakelen beëindigt meteen zijn sessies, belet het aan te melden en stopt de uitnodigingen die het verstuurde. Iemand van een initiatief verwijderen neemt meteen de toegang ertoe weg. Elke handeling wordt in het logboek geschreven.',
  accountStatus: 'Status',
  accountActive: 'Actief',
  accountDisabledOn: 'Uitgeschakeld op {date}',
  accountActionsColumn: 'Acties',
  accountIsYou: 'Uw account',
  accountDisableButton: '{email} uitschakelen',
  accountEnableButton: '{email} weer inschakelen',
  accountRemoveEditorButton: '{email} van {initiative} verwijderen',
  accountDisabledNotice: 'Het account {email} is uitgeschakeld: zijn sessies zijn beëindigd, het kan niet aanmelden en zijn uitnodigingen werken niet meer.',
  accountEnabledNotice: 'Het account {email} kan weer aanmelden.',
  editorRemovedNotice: '{email} beheert het profiel van {initiative} niet meer.',
  accountErrorCannotDisable: 'U kunt uw eigen account niet uitschakelen, en ook niet de laatste beheerder van het register.',
  inviteWithdrawLead: 'Een link die niet gebruikt mag worden, kunt u hieronder intrekken: hij werkt meteen niet meer. Anders verloopt hij vanzelf na 7 dagen.',
  inviteWithdrawButton: 'De uitnodiging intrekken ({role}, aangemaakt op {date})',
  inviteWithdrawnNotice: 'Uitnodiging ingetrokken: de link werkt niet meer.',
  inviteErrorHasEditors: 'Een of meer van de aangevinkte initiatieven hebben al mensen die hun profiel beheren: zij, of de beheerders van het register, nodigen de volgende uit. Een moderator nodigt alleen de eerste persoon van een initiatief uit.',
  invitationWithdrawnTitle: 'Deze uitnodiging is ingetrokken',
  invitationWithdrawnText: 'De persoon die haar stuurde, of de beheerders van het register, hebben haar ingetrokken; of die persoon kan niet meer uitnodigen voor dit initiatief.',
  invitationErrorWithdrawn: 'Deze uitnodiging is ingetrokken of geldt niet meer. Vraag de persoon die u uitnodigde om een nieuwe link.',
  notificationsHeading: 'Meldingen',
  notificationsEmpty: 'Geen meldingen.',
  notificationNew: 'Nieuw',
  notificationEditorAddedByAdmin: 'Een nieuwe persoon (uitgenodigd door een beheerder) beheert sinds {date} het profiel van {initiative}.',
  notificationEditorAddedByModerator: 'Een nieuwe persoon (uitgenodigd door een moderator) beheert sinds {date} het profiel van {initiative}.',
  notificationEditorAddedByEditor: 'Een nieuwe persoon (uitgenodigd door iemand die het profiel al beheert) beheert sinds {date} het profiel van {initiative}.',
  notificationMarkRead: 'Markeren als gelezen',
  notificationMarkedRead: 'Melding gemarkeerd als gelezen.',
} as const satisfies Record<string, string>;

export default nl;
