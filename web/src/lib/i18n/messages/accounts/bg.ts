// Accounts, invitations and notifications (ADR 0012): who may invite whom, the admin's levers on
// accounts, and the notices of new editors. Messages in bg; the keys are those of fr.ts.
const bg = {
  accountsActionsLead: 'Деактивирането на профил прекратява веднага сесиите му, не му позволява да влиза и спира поканите, които е изпратил. Премахването на човек от инициатива веднага му отнема достъпа до нея. Всяко действие се записва в дневника.',
  accountStatus: 'Състояние',
  accountActive: 'Активен',
  accountDisabledOn: 'Деактивиран на {date}',
  accountActionsColumn: 'Действия',
  accountIsYou: 'Вашият профил',
  accountDisableButton: 'Деактивиране на {email}',
  accountEnableButton: 'Повторно активиране на {email}',
  accountRemoveEditorButton: 'Премахване на {email} от {initiative}',
  accountDisabledNotice: 'Профилът {email} е деактивиран: сесиите му са прекратени, не може да влиза и поканите му вече не работят.',
  accountEnabledNotice: 'Профилът {email} отново може да влиза.',
  editorRemovedNotice: '{email} вече не поддържа профила на {initiative}.',
  accountErrorCannotDisable: 'Не можете да деактивирате собствения си профил, нито последния администратор на регистъра.',
  inviteWithdrawLead: 'Връзка, която не бива да се използва, може да бъде оттеглена по-долу: тя спира да работи веднага. Иначе изтича сама след 7 дни.',
  inviteWithdrawButton: 'Оттегляне на поканата ({role}, създадена на {date})',
  inviteWithdrawnNotice: 'Поканата е оттеглена: връзката ѝ вече не работи.',
  inviteErrorHasEditors: 'Една или повече от отметнатите инициативи вече имат хора, които поддържат профила им: те или администраторите на регистъра канят следващите. Модераторът кани само първия човек на дадена инициатива.',
  invitationWithdrawnTitle: 'Тази покана е оттеглена',
  invitationWithdrawnText: 'Човекът, който я е изпратил, или отговорните за регистъра са я оттеглили; или този човек вече не може да кани за тази инициатива.',
  invitationErrorWithdrawn: 'Тази покана е оттеглена или вече не важи. Поискайте нова връзка от човека, който ви е поканил.',
  notificationsHeading: 'Известия',
  notificationsEmpty: 'Няма известия.',
  notificationNew: 'Ново',
  notificationEditorAddedByAdmin: 'Нов човек (поканен от администратор) поддържа профила на {initiative} от {date}.',
  notificationEditorAddedByModerator: 'Нов човек (поканен от модератор) поддържа профила на {initiative} от {date}.',
  notificationEditorAddedByEditor: 'Нов човек (поканен от някой, който вече поддържа профила) поддържа профила на {initiative} от {date}.',
  notificationMarkRead: 'Отбележи като прочетено',
  notificationMarkedRead: 'Известието е отбелязано като прочетено.',
} as const satisfies Record<string, string>;

export default bg;
