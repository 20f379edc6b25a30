// Accounts, invitations and notifications (ADR 0012): who may invite whom, the admin's levers on
// accounts, and the notices of new editors. Messages in en; the keys are those of fr.ts.
const en = {
  accountsActionsLead: 'Disabling an account ends its sessions at once, stops it signing in, and stops the invitations it sent. Removing an editor from an initiative takes away their access to it at once. Each action is written to the audit log.',
  accountStatus: 'Status',
  accountActive: 'Active',
  accountDisabledOn: 'Disabled on {date}',
  accountActionsColumn: 'Actions',
  accountIsYou: 'Your account',
  accountDisableButton: 'Disable {email}',
  accountEnableButton: 'Re-enable {email}',
  accountRemoveEditorButton: 'Remove {email} from {initiative}',
  accountDisabledNotice: 'The account {email} is disabled: its sessions have ended, it cannot sign in, and its invitations no longer work.',
  accountEnabledNotice: 'The account {email} can sign in again.',
  editorRemovedNotice: '{email} is no longer an editor of {initiative}.',
  accountErrorCannotDisable: 'You cannot disable your own account, nor the registry’s last admin.',
  inviteWithdrawLead: 'A link that should not be used can be withdrawn below: it stops working at once. Otherwise it expires by itself after 7 days.',
  inviteWithdrawButton: 'Withdraw the invitation ({role}, created on {date})',
  inviteWithdrawnNotice: 'Invitation withdrawn: its link no longer works.',
  inviteErrorHasEditors: 'One or more of the ticked initiatives already have editors: new editors are invited by them or by the registry’s admins. A moderator invites only the first editor of an initiative.',
  invitationWithdrawnTitle: 'This invitation has been withdrawn',
  invitationWithdrawnText: 'The person who sent it, or the people who run this registry, withdrew it; or that person can no longer invite for this initiative.',
  invitationErrorWithdrawn: 'This invitation has been withdrawn or no longer applies. Ask the person who invited you for a new link.',
  notificationsHeading: 'Notifications',
  notificationsEmpty: 'No notifications.',
  notificationNew: 'New',
  notificationEditorAddedByAdmin: 'A new editor (invited by an admin) was added to {initiative} on {date}.',
  notificationEditorAddedByModerator: 'A new editor (invited by a moderator) was added to {initiative} on {date}.',
  notificationEditorAddedByEditor: 'A new editor (invited by one of its editors) was added to {initiative} on {date}.',
  notificationMarkRead: 'Mark as read',
  notificationMarkedRead: 'Notification marked as read.',
} as const satisfies Record<string, string>;

export default en;
