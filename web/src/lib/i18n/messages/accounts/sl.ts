// Accounts, invitations and notifications (ADR 0012): who may invite whom, the admin's levers on
// accounts, and the notices of new editors. Messages in sl; the keys are those of fr.ts.
const sl = {
  accountsActionsLead: 'Onemogočenje računa takoj konča njegove seje, mu prepreči prijavo in ustavi povabila, ki jih je poslal. Odstranitev osebe iz pobude ji takoj odvzame dostop do nje. Vsako dejanje se zapiše v dnevnik.',
  accountStatus: 'Stanje',
  accountActive: 'Dejaven',
  accountDisabledOn: 'Onemogočen {date}',
  accountActionsColumn: 'Dejanja',
  accountIsYou: 'Vaš račun',
  accountDisableButton: 'Onemogoči {email}',
  accountEnableButton: 'Znova omogoči {email}',
  accountRemoveEditorButton: 'Odstrani {email} iz {initiative}',
  accountDisabledNotice: 'Račun {email} je onemogočen: njegove seje so končane, ne more se prijaviti in njegova povabila ne delujejo več.',
  accountEnabledNotice: 'Račun {email} se lahko znova prijavi.',
  editorRemovedNotice: '{email} ne ureja več profila {initiative}.',
  accountErrorCannotDisable: 'Ne morete onemogočiti lastnega računa niti zadnjega skrbnika registra.',
  inviteWithdrawLead: 'Povezavo, ki naj se ne uporabi, lahko spodaj prekličete: takoj preneha delovati. Sicer sama poteče po 7 dneh.',
  inviteWithdrawButton: 'Prekliči povabilo ({role}, ustvarjeno {date})',
  inviteWithdrawnNotice: 'Povabilo je preklicano: njegova povezava ne deluje več.',
  inviteErrorHasEditors: 'Ena ali več izbranih pobud že ima osebe, ki urejajo njihov profil: naslednje povabijo one ali skrbniki registra. Moderator povabi le prvo osebo posamezne pobude.',
  invitationWithdrawnTitle: 'To povabilo je bilo preklicano',
  invitationWithdrawnText: 'Oseba, ki ga je poslala, ali upravljavci registra so ga preklicali; ali pa ta oseba ne more več vabiti za to pobudo.',
  invitationErrorWithdrawn: 'To povabilo je bilo preklicano ali ne velja več. Za novo povezavo prosite osebo, ki vas je povabila.',
  notificationsHeading: 'Obvestila',
  notificationsEmpty: 'Ni obvestil.',
  notificationNew: 'Novo',
  notificationEditorAddedByAdmin: 'Nova oseba (na povabilo skrbnika) ureja profil {initiative} od {date}.',
  notificationEditorAddedByModerator: 'Nova oseba (na povabilo moderatorja) ureja profil {initiative} od {date}.',
  notificationEditorAddedByEditor: 'Nova oseba (na povabilo nekoga, ki profil že ureja) ureja profil {initiative} od {date}.',
  notificationMarkRead: 'Označi kot prebrano',
  notificationMarkedRead: 'Obvestilo je označeno kot prebrano.',
} as const satisfies Record<string, string>;

export default sl;
