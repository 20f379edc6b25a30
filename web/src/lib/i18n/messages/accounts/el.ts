// Accounts, invitations and notifications (ADR 0012): who may invite whom, the admin's levers on
// accounts, and the notices of new editors. Messages in el; the keys are those of fr.ts.
const el = {
  accountsActionsLead: 'Η απενεργοποίηση ενός λογαριασμού τερματίζει αμέσως τις συνεδρίες του, δεν του επιτρέπει να συνδεθεί και σταματά τις προσκλήσεις που έστειλε. Η αφαίρεση ενός ατόμου από μια πρωτοβουλία του αφαιρεί αμέσως την πρόσβαση. Κάθε ενέργεια καταγράφεται στο ημερολόγιο.',
  accountStatus: 'Κατάσταση',
  accountActive: 'Ενεργός',
  accountDisabledOn: 'Απενεργοποιήθηκε στις {date}',
  accountActionsColumn: 'Ενέργειες',
  accountIsYou: 'Ο λογαριασμός σας',
  accountDisableButton: 'Απενεργοποίηση του {email}',
  accountEnableButton: 'Επανενεργοποίηση του {email}',
  accountRemoveEditorButton: 'Αφαίρεση του {email} από την {initiative}',
  accountDisabledNotice: 'Ο λογαριασμός {email} απενεργοποιήθηκε: οι συνεδρίες του έληξαν, δεν μπορεί να συνδεθεί και οι προσκλήσεις του δεν ισχύουν πια.',
  accountEnabledNotice: 'Ο λογαριασμός {email} μπορεί ξανά να συνδεθεί.',
  editorRemovedNotice: 'Το {email} δεν επιμελείται πια την καρτέλα της {initiative}.',
  accountErrorCannotDisable: 'Δεν μπορείτε να απενεργοποιήσετε τον δικό σας λογαριασμό, ούτε τον τελευταίο διαχειριστή του μητρώου.',
  inviteWithdrawLead: 'Ένας σύνδεσμος που δεν πρέπει να χρησιμοποιηθεί μπορεί να ανακληθεί παρακάτω: παύει αμέσως να λειτουργεί. Αλλιώς λήγει μόνος του μετά από 7 ημέρες.',
  inviteWithdrawButton: 'Ανάκληση της πρόσκλησης ({role}, δημιουργήθηκε στις {date})',
  inviteWithdrawnNotice: 'Η πρόσκληση ανακλήθηκε: ο σύνδεσμός της δεν λειτουργεί πια.',
  inviteErrorHasEditors: 'Μία ή περισσότερες από τις επιλεγμένες πρωτοβουλίες έχουν ήδη άτομα που επιμελούνται την καρτέλα τους: αυτά, ή οι διαχειριστές του μητρώου, προσκαλούν τα επόμενα. Ένας συντονιστής προσκαλεί μόνο το πρώτο άτομο μιας πρωτοβουλίας.',
  invitationWithdrawnTitle: 'Αυτή η πρόσκληση ανακλήθηκε',
  invitationWithdrawnText: 'Το άτομο που την έστειλε, ή οι υπεύθυνοι του μητρώου, την ανακάλεσαν· ή αυτό το άτομο δεν μπορεί πια να προσκαλεί για αυτή την πρωτοβουλία.',
  invitationErrorWithdrawn: 'Αυτή η πρόσκληση ανακλήθηκε ή δεν ισχύει πια. Ζητήστε νέο σύνδεσμο από το άτομο που σας προσκάλεσε.',
  notificationsHeading: 'Ειδοποιήσεις',
  notificationsEmpty: 'Καμία ειδοποίηση.',
  notificationNew: 'Νέα',
  notificationEditorAddedByAdmin: 'Ένα νέο άτομο (με πρόσκληση διαχειριστή) επιμελείται την καρτέλα της {initiative} από τις {date}.',
  notificationEditorAddedByModerator: 'Ένα νέο άτομο (με πρόσκληση συντονιστή) επιμελείται την καρτέλα της {initiative} από τις {date}.',
  notificationEditorAddedByEditor: 'Ένα νέο άτομο (με πρόσκληση κάποιου που ήδη επιμελείται την καρτέλα) επιμελείται την καρτέλα της {initiative} από τις {date}.',
  notificationMarkRead: 'Σήμανση ως αναγνωσμένη',
  notificationMarkedRead: 'Η ειδοποίηση σημειώθηκε ως αναγνωσμένη.',
} as const satisfies Record<string, string>;

export default el;
