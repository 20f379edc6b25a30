// Accounts, invitations and notifications (ADR 0012): who may invite whom, the admin's levers on
// accounts, and the notices of new editors. Messages in ar; the keys are those of fr.ts.
const ar = {
  accountsActionsLead: 'تعطيل حساب ينهي جلساته فورًا ويمنعه من تسجيل الدخول ويوقف الدعوات التي أرسلها. وإزالة شخص من مبادرة تسحب منه الوصول إليها فورًا. يُسجَّل كل إجراء في سجل التدقيق.',
  accountStatus: 'الحالة',
  accountActive: 'نشط',
  accountDisabledOn: 'عُطّل في {date}',
  accountActionsColumn: 'الإجراءات',
  accountIsYou: 'حسابك',
  accountDisableButton: 'تعطيل {email}',
  accountEnableButton: 'إعادة تفعيل {email}',
  accountRemoveEditorButton: 'إزالة {email} من {initiative}',
  accountDisabledNotice: 'عُطّل الحساب {email}: انتهت جلساته، ولا يمكنه تسجيل الدخول، ولم تعد دعواته تعمل.',
  accountEnabledNotice: 'يمكن للحساب {email} تسجيل الدخول من جديد.',
  editorRemovedNotice: 'لم يعد {email} يحرّر بطاقة {initiative}.',
  accountErrorCannotDisable: 'لا يمكنك تعطيل حسابك، ولا آخر مدير للسجل.',
  inviteWithdrawLead: 'يمكن سحب رابط لا ينبغي استخدامه أدناه: يتوقف عن العمل فورًا. وإلا فإنه ينتهي تلقائيًا بعد 7 أيام.',
  inviteWithdrawButton: 'سحب الدعوة ({role}، أُنشئت في {date})',
  inviteWithdrawnNotice: 'سُحبت الدعوة: لم يعد رابطها يعمل.',
  inviteErrorHasEditors: 'لدى مبادرة أو أكثر من المبادرات المختارة أشخاص يحرّرون بطاقتها: هم، أو مديرو السجل، من يدعون الأشخاص التالين. المشرف يدعو فقط الشخص الأول لمبادرة ما.',
  invitationWithdrawnTitle: 'سُحبت هذه الدعوة',
  invitationWithdrawnText: 'سحبها الشخص الذي أرسلها أو القائمون على السجل؛ أو أن هذا الشخص لم يعد بإمكانه الدعوة لهذه المبادرة.',
  invitationErrorWithdrawn: 'سُحبت هذه الدعوة أو لم تعد سارية. اطلب رابطًا جديدًا من الشخص الذي دعاك.',
  notificationsHeading: 'الإشعارات',
  notificationsEmpty: 'لا إشعارات.',
  notificationNew: 'جديد',
  notificationEditorAddedByAdmin: 'أصبح شخص جديد (بدعوة من مدير) يحرّر بطاقة {initiative} منذ {date}.',
  notificationEditorAddedByModerator: 'أصبح شخص جديد (بدعوة من مشرف) يحرّر بطاقة {initiative} منذ {date}.',
  notificationEditorAddedByEditor: 'أصبح شخص جديد (بدعوة من أحد محرّري البطاقة) يحرّر بطاقة {initiative} منذ {date}.',
  notificationMarkRead: 'تعليم كمقروء',
  notificationMarkedRead: 'عُلّم الإشعار كمقروء.',
} as const satisfies Record<string, string>;

export default ar;
