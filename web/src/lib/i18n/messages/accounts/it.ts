// Accounts, invitations and notifications (ADR 0012): who may invite whom, the admin's levers on
// accounts, and the notices of new editors. Messages in it; the keys are those of fr.ts.
const it = {
  accountsActionsLead: 'Disattivare un account chiude subito le sue sessioni, gli impedisce di accedere e blocca gli inviti che ha inviato. Togliere una persona da un’iniziativa le toglie subito l’accesso. Ogni azione è registrata nel registro delle attività.',
  accountStatus: 'Stato',
  accountActive: 'Attivo',
  accountDisabledOn: 'Disattivato il {date}',
  accountActionsColumn: 'Azioni',
  accountIsYou: 'Il tuo account',
  accountDisableButton: 'Disattiva {email}',
  accountEnableButton: 'Riattiva {email}',
  accountRemoveEditorButton: 'Togli {email} da {initiative}',
  accountDisabledNotice: 'L’account {email} è disattivato: le sue sessioni sono chiuse, non può accedere e i suoi inviti non funzionano più.',
  accountEnabledNotice: 'L’account {email} può di nuovo accedere.',
  editorRemovedNotice: '{email} non cura più la scheda di {initiative}.',
  accountErrorCannotDisable: 'Non puoi disattivare il tuo account, né l’ultimo admin del registro.',
  inviteWithdrawLead: 'Un link che non deve essere usato si può ritirare qui sotto: smette subito di funzionare. Altrimenti scade da solo dopo 7 giorni.',
  inviteWithdrawButton: 'Ritira l’invito ({role}, creato il {date})',
  inviteWithdrawnNotice: 'Invito ritirato: il suo link non funziona più.',
  inviteErrorHasEditors: 'Una o più delle iniziative selezionate hanno già persone che ne curano la scheda: sono loro, o gli admin del registro, a invitare le prossime. Un moderatore invita solo la prima persona di un’iniziativa.',
  invitationWithdrawnTitle: 'Questo invito è stato ritirato',
  invitationWithdrawnText: 'La persona che l’ha inviato, o chi gestisce il registro, l’ha ritirato; oppure quella persona non può più invitare per questa iniziativa.',
  invitationErrorWithdrawn: 'Questo invito è stato ritirato o non vale più. Chiedi un nuovo link alla persona che ti ha invitato.',
  notificationsHeading: 'Notifiche',
  notificationsEmpty: 'Nessuna notifica.',
  notificationNew: 'Nuova',
  notificationEditorAddedByAdmin: 'Una nuova persona (invitata da un admin) cura la scheda di {initiative} dal {date}.',
  notificationEditorAddedByModerator: 'Una nuova persona (invitata da un moderatore) cura la scheda di {initiative} dal {date}.',
  notificationEditorAddedByEditor: 'Una nuova persona (invitata da chi cura già la scheda) cura la scheda di {initiative} dal {date}.',
  notificationMarkRead: 'Segna come letta',
  notificationMarkedRead: 'Notifica segnata come letta.',
} as const satisfies Record<string, string>;

export default it;
