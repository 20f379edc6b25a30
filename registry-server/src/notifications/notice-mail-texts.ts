// The words of the e-mails that go with notices (only when SMTP is configured), in the nine
// languages of the site: the recipient's language when the node knows it, else the node's own.
// They say what happened and where to act, never who wrote or reported (no one else's address).
export const MAIL_LANGUAGES = ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export function mailLanguage(candidates: ReadonlyArray<string | null | undefined>): MailLanguage {
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split('-')[0];
    if (base && (MAIL_LANGUAGES as readonly string[]).includes(base)) return base as MailLanguage;
  }
  return 'en';
}

type Texts = {
  messageSubject: string;
  messageBody: string;
  approvedSubject: string;
  approvedBody: string;
  changesSubject: string;
  changesBody: string;
  reportSubject: string;
  reportBody: string;
  resetSubject: string;
  resetBody: string;
  signature: string;
};

// {name}: the initiative's name; {note}: the moderator's note; {link}: where to act.
const TEXTS: Readonly<Record<MailLanguage, Texts>> = {
  fr: {
    messageSubject: 'Nouveau message pour {name}',
    messageBody: 'Quelqu’un a écrit à {name} par le registre UMN. Le message vous attend dans le registre :\n{link}',
    approvedSubject: '{name} : modifications publiées',
    approvedBody: 'Un·e modérateur·rice a approuvé {name}. La fiche publique est à jour :\n{link}',
    changesSubject: '{name} : des changements sont demandés',
    changesBody:
      'Un·e modérateur·rice demande des changements à {name} :\n\n« {note} »\n\nModifiez la fiche puis envoyez-la de nouveau :\n{link}',
    reportSubject: 'Nouveau signalement sur le registre',
    reportBody: 'Une fiche du registre a été signalée. Lisez le signalement et traitez-le :\n{link}',
    resetSubject: 'Choisir un nouveau mot de passe',
    resetBody:
      'Quelqu’un a demandé un nouveau mot de passe pour ce compte. Ce lien sert une seule fois pendant une heure :\n{link}\n\nSi ce n’est pas vous, ignorez ce message : rien ne change.',
    signature: '— Registre Union Migrant Net',
  },
  en: {
    messageSubject: 'New message for {name}',
    messageBody: 'Someone wrote to {name} through the UMN registry. The message waits for you in the registry:\n{link}',
    approvedSubject: '{name}: changes published',
    approvedBody: 'A moderator approved {name}. The public page is up to date:\n{link}',
    changesSubject: '{name}: changes asked',
    changesBody: 'A moderator asks for changes to {name}:\n\n"{note}"\n\nEdit the page, then send it again:\n{link}',
    reportSubject: 'New report on the registry',
    reportBody: 'A listing of the registry was reported. Read the report and deal with it:\n{link}',
    resetSubject: 'Choose a new password',
    resetBody:
      'Someone asked for a new password for this account. This link works once, for one hour:\n{link}\n\nIf it was not you, ignore this e-mail: nothing changes.',
    signature: '— Union Migrant Net registry',
  },
  it: {
    messageSubject: 'Nuovo messaggio per {name}',
    messageBody: 'Qualcuno ha scritto a {name} tramite il registro UMN. Il messaggio ti aspetta nel registro:\n{link}',
    approvedSubject: '{name}: modifiche pubblicate',
    approvedBody: 'Un moderatore ha approvato {name}. La pagina pubblica è aggiornata:\n{link}',
    changesSubject: '{name}: sono richieste modifiche',
    changesBody: 'Un moderatore chiede modifiche a {name}:\n\n«{note}»\n\nModifica la scheda e inviala di nuovo:\n{link}',
    reportSubject: 'Nuova segnalazione nel registro',
    reportBody: 'Una scheda del registro è stata segnalata. Leggi la segnalazione e gestiscila:\n{link}',
    resetSubject: 'Scegli una nuova password',
    resetBody:
      'Qualcuno ha chiesto una nuova password per questo account. Il link funziona una sola volta, per un’ora:\n{link}\n\nSe non sei stato tu, ignora questa e-mail: non cambia nulla.',
    signature: '— Registro Union Migrant Net',
  },
  el: {
    messageSubject: 'Νέο μήνυμα για {name}',
    messageBody: 'Κάποιος έγραψε στο {name} μέσω του μητρώου UMN. Το μήνυμα σας περιμένει στο μητρώο:\n{link}',
    approvedSubject: '{name}: οι αλλαγές δημοσιεύτηκαν',
    approvedBody: 'Ένας συντονιστής ενέκρινε το {name}. Η δημόσια σελίδα είναι ενημερωμένη:\n{link}',
    changesSubject: '{name}: ζητούνται αλλαγές',
    changesBody: 'Ένας συντονιστής ζητά αλλαγές στο {name}:\n\n«{note}»\n\nΔιορθώστε τη σελίδα και στείλτε την ξανά:\n{link}',
    reportSubject: 'Νέα αναφορά στο μητρώο',
    reportBody: 'Μια καταχώριση του μητρώου αναφέρθηκε. Διαβάστε την αναφορά και χειριστείτε την:\n{link}',
    resetSubject: 'Επιλέξτε νέο κωδικό πρόσβασης',
    resetBody:
      'Κάποιος ζήτησε νέο κωδικό για αυτόν τον λογαριασμό. Ο σύνδεσμος λειτουργεί μία φορά, για μία ώρα:\n{link}\n\nΑν δεν ήσασταν εσείς, αγνοήστε αυτό το μήνυμα: τίποτα δεν αλλάζει.',
    signature: '— Μητρώο Union Migrant Net',
  },
  bg: {
    messageSubject: 'Ново съобщение за {name}',
    messageBody: 'Някой писа на {name} чрез регистъра на UMN. Съобщението ви чака в регистъра:\n{link}',
    approvedSubject: '{name}: промените са публикувани',
    approvedBody: 'Модератор одобри {name}. Публичната страница е актуална:\n{link}',
    changesSubject: '{name}: поискани са промени',
    changesBody: 'Модератор иска промени в {name}:\n\n„{note}“\n\nРедактирайте страницата и я изпратете отново:\n{link}',
    reportSubject: 'Нов сигнал в регистъра',
    reportBody: 'Запис от регистъра беше докладван. Прочетете сигнала и го обработете:\n{link}',
    resetSubject: 'Изберете нова парола',
    resetBody:
      'Някой поиска нова парола за този профил. Връзката работи веднъж, в рамките на един час:\n{link}\n\nАко не сте били вие, пренебрегнете този имейл: нищо не се променя.',
    signature: '— Регистър Union Migrant Net',
  },
  sl: {
    messageSubject: 'Novo sporočilo za {name}',
    messageBody: 'Nekdo je pisal pobudi {name} prek registra UMN. Sporočilo vas čaka v registru:\n{link}',
    approvedSubject: '{name}: spremembe so objavljene',
    approvedBody: 'Moderator je odobril {name}. Javna stran je posodobljena:\n{link}',
    changesSubject: '{name}: zahtevane so spremembe',
    changesBody: 'Moderator prosi za spremembe pri {name}:\n\n»{note}«\n\nUredite stran in jo znova pošljite:\n{link}',
    reportSubject: 'Nova prijava v registru',
    reportBody: 'Vnos v registru je bil prijavljen. Preberite prijavo in jo obravnavajte:\n{link}',
    resetSubject: 'Izberite novo geslo',
    resetBody:
      'Nekdo je zahteval novo geslo za ta račun. Povezava deluje enkrat, eno uro:\n{link}\n\nČe to niste bili vi, prezrite to sporočilo: nič se ne spremeni.',
    signature: '— Register Union Migrant Net',
  },
  ar: {
    messageSubject: 'رسالة جديدة إلى {name}',
    messageBody: 'كتب شخص ما إلى {name} عبر سجل UMN. الرسالة بانتظارك في السجل:\n{link}',
    approvedSubject: '{name}: نُشرت التعديلات',
    approvedBody: 'وافق أحد المشرفين على {name}. الصفحة العامة محدّثة:\n{link}',
    changesSubject: '{name}: مطلوب إجراء تعديلات',
    changesBody: 'يطلب أحد المشرفين تعديلات على {name}:\n\n«{note}»\n\nعدّل الصفحة ثم أرسلها من جديد:\n{link}',
    reportSubject: 'بلاغ جديد في السجل',
    reportBody: 'تم الإبلاغ عن إحدى صفحات السجل. اقرأ البلاغ وتعامل معه:\n{link}',
    resetSubject: 'اختر كلمة مرور جديدة',
    resetBody:
      'طلب شخص ما كلمة مرور جديدة لهذا الحساب. يعمل هذا الرابط مرة واحدة ولمدة ساعة:\n{link}\n\nإن لم تكن أنت، فتجاهل هذه الرسالة: لن يتغير شيء.',
    signature: '— سجل Union Migrant Net',
  },
  nl: {
    messageSubject: 'Nieuw bericht voor {name}',
    messageBody: 'Iemand schreef naar {name} via het UMN-register. Het bericht wacht op u in het register:\n{link}',
    approvedSubject: '{name}: wijzigingen gepubliceerd',
    approvedBody: 'Een moderator heeft {name} goedgekeurd. De openbare pagina is bijgewerkt:\n{link}',
    changesSubject: '{name}: wijzigingen gevraagd',
    changesBody: 'Een moderator vraagt wijzigingen aan {name}:\n\n"{note}"\n\nPas de pagina aan en stuur ze opnieuw in:\n{link}',
    reportSubject: 'Nieuwe melding in het register',
    reportBody: 'Een vermelding in het register is gemeld. Lees de melding en handel ze af:\n{link}',
    resetSubject: 'Kies een nieuw wachtwoord',
    resetBody:
      'Iemand vroeg een nieuw wachtwoord voor dit account. Deze link werkt één keer, één uur lang:\n{link}\n\nWas u het niet, negeer dan deze e-mail: er verandert niets.',
    signature: '— Union Migrant Net-register',
  },
  de: {
    messageSubject: 'Neue Nachricht für {name}',
    messageBody: 'Jemand hat {name} über das UMN-Register geschrieben. Die Nachricht wartet im Register auf Sie:\n{link}',
    approvedSubject: '{name}: Änderungen veröffentlicht',
    approvedBody: 'Eine Moderatorin oder ein Moderator hat {name} freigegeben. Die öffentliche Seite ist aktuell:\n{link}',
    changesSubject: '{name}: Änderungen erbeten',
    changesBody:
      'Die Moderation bittet um Änderungen an {name}:\n\n„{note}“\n\nBearbeiten Sie die Seite und reichen Sie sie erneut ein:\n{link}',
    reportSubject: 'Neue Meldung im Register',
    reportBody: 'Ein Eintrag im Register wurde gemeldet. Lesen Sie die Meldung und bearbeiten Sie sie:\n{link}',
    resetSubject: 'Neues Passwort wählen',
    resetBody:
      'Jemand hat ein neues Passwort für dieses Konto angefordert. Der Link funktioniert einmal, eine Stunde lang:\n{link}\n\nWaren Sie es nicht, ignorieren Sie diese E-Mail: nichts ändert sich.',
    signature: '— Register Union Migrant Net',
  },
};

export type MailKind = 'message' | 'approved' | 'changes' | 'report' | 'reset';

/** The subject and text of one e-mail, with its values filled in. */
export function mailText(
  lang: MailLanguage,
  kind: MailKind,
  values: { name?: string; note?: string; link: string },
): { subject: string; text: string } {
  const texts = TEXTS[lang];
  const fill = (template: string) => template.replace(/\{(name|note|link)\}/g, (_, key: 'name' | 'note' | 'link') => values[key] ?? '');
  const subject = fill(texts[`${kind}Subject`]);
  return { subject, text: `${fill(texts[`${kind}Body`])}\n\n${texts.signature}\n` };
}
