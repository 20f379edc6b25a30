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
  declinedSubject: string;
  declinedBody: string;
  listingSubject: string;
  listingBody: string;
  resetSubject: string;
  resetBody: string;
  editorAddedSubject: string;
  editorAddedBody: string;
  byAdmin: string;
  byModerator: string;
  byEditor: string;
  whyEditors: string;
  whyAdmins: string;
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
    declinedSubject: '{name} : fiche refusée',
    declinedBody:
      'Un·e modérateur·rice a refusé la fiche {name}, pour cette raison :\n\n« {note} »\n\nElle n’est pas publiée. Pour en parler, répondez aux modérateur·rice·s du registre :\n{link}',
    listingSubject: 'Nouvelle demande de référencement',
    listingBody:
      'Une initiative demande à figurer dans le registre ({name}). Elle attend votre décision dans la file de relecture :\n{link}',
    reportSubject: 'Nouveau signalement sur le registre',
    reportBody: 'Une fiche du registre a été signalée. Lisez le signalement et traitez-le :\n{link}',
    resetSubject: 'Choisir un nouveau mot de passe',
    resetBody:
      'Quelqu’un a demandé un nouveau mot de passe pour ce compte. Ce lien sert une seule fois pendant une heure :\n{link}\n\nSi ce n’est pas vous, ignorez ce message : rien ne change.',
    editorAddedSubject: 'Nouvelle personne ajoutée à {name}',
    editorAddedBody:
      'Une nouvelle personne (invitée par {by}) tient désormais la fiche de {name} sur le registre UMN. Elle peut modifier la fiche et lire les messages reçus à partir de maintenant.\n\n{why} Si vous ne vous y attendiez pas, prévenez les admins du registre.\n\nConnectez-vous pour le voir :\n{link}',
    byAdmin: 'un·e admin',
    byModerator: 'un·e modérateur·rice',
    byEditor: 'une personne qui tient déjà la fiche',
    whyEditors: 'Vous recevez ce message parce que vous tenez cette fiche.',
    whyAdmins: 'Vous recevez ce message comme admin du registre, car la fiche n’avait encore personne.',
    signature: '— Registre Union Migrant Net',
  },
  en: {
    messageSubject: 'New message for {name}',
    messageBody: 'Someone wrote to {name} through the UMN registry. The message waits for you in the registry:\n{link}',
    approvedSubject: '{name}: changes published',
    approvedBody: 'A moderator approved {name}. The public page is up to date:\n{link}',
    changesSubject: '{name}: changes asked',
    changesBody: 'A moderator asks for changes to {name}:\n\n"{note}"\n\nEdit the page, then send it again:\n{link}',
    declinedSubject: '{name}: listing declined',
    declinedBody:
      'A moderator declined {name}, for this reason:\n\n"{note}"\n\nIt is not published. To talk about it, write to the registry\'s moderators:\n{link}',
    listingSubject: 'New request to be listed',
    listingBody: 'An initiative asks to be listed in the registry ({name}). It waits for your decision in the review queue:\n{link}',
    reportSubject: 'New report on the registry',
    reportBody: 'A listing of the registry was reported. Read the report and deal with it:\n{link}',
    resetSubject: 'Choose a new password',
    resetBody:
      'Someone asked for a new password for this account. This link works once, for one hour:\n{link}\n\nIf it was not you, ignore this e-mail: nothing changes.',
    editorAddedSubject: 'New editor added to {name}',
    editorAddedBody:
      "A new editor (invited by {by}) was added to {name} on the UMN registry. They can edit its profile and read the messages it receives from now on.\n\n{why} If you did not expect this, tell the registry's admins.\n\nSign in to see it:\n{link}",
    byAdmin: 'an admin',
    byModerator: 'a moderator',
    byEditor: 'one of its editors',
    whyEditors: 'You receive this because you are one of its editors.',
    whyAdmins: 'You receive this as an admin of the registry, because the initiative had no editor yet.',
    signature: '— Union Migrant Net registry',
  },
  it: {
    messageSubject: 'Nuovo messaggio per {name}',
    messageBody: 'Qualcuno ha scritto a {name} tramite il registro UMN. Il messaggio ti aspetta nel registro:\n{link}',
    approvedSubject: '{name}: modifiche pubblicate',
    approvedBody: 'Un moderatore ha approvato {name}. La pagina pubblica è aggiornata:\n{link}',
    changesSubject: '{name}: sono richieste modifiche',
    changesBody: 'Un moderatore chiede modifiche a {name}:\n\n«{note}»\n\nModifica la scheda e inviala di nuovo:\n{link}',
    declinedSubject: '{name}: scheda rifiutata',
    declinedBody:
      'Un moderatore ha rifiutato {name}, per questo motivo:\n\n«{note}»\n\nNon è pubblicata. Per parlarne, scrivi ai moderatori del registro:\n{link}',
    listingSubject: 'Nuova richiesta di inserimento',
    listingBody: 'Un’iniziativa chiede di comparire nel registro ({name}). Aspetta la tua decisione nella coda di revisione:\n{link}',
    reportSubject: 'Nuova segnalazione nel registro',
    reportBody: 'Una scheda del registro è stata segnalata. Leggi la segnalazione e gestiscila:\n{link}',
    resetSubject: 'Scegli una nuova password',
    resetBody:
      'Qualcuno ha chiesto una nuova password per questo account. Il link funziona una sola volta, per un’ora:\n{link}\n\nSe non sei stato tu, ignora questa e-mail: non cambia nulla.',
    editorAddedSubject: 'Nuova persona aggiunta a {name}',
    editorAddedBody:
      'Una nuova persona (invitata da {by}) gestisce ora la scheda di {name} nel registro UMN. Da adesso può modificarla e leggere i messaggi ricevuti.\n\n{why} Se non te lo aspettavi, avvisa gli amministratori del registro.\n\nAccedi per vederlo:\n{link}',
    byAdmin: 'un amministratore',
    byModerator: 'un moderatore',
    byEditor: 'una persona che già gestisce la scheda',
    whyEditors: 'Ricevi questo messaggio perché gestisci questa scheda.',
    whyAdmins: 'Ricevi questo messaggio come amministratore del registro, perché la scheda non aveva ancora nessuno.',
    signature: '— Registro Union Migrant Net',
  },
  el: {
    messageSubject: 'Νέο μήνυμα για {name}',
    messageBody: 'Κάποιος έγραψε στο {name} μέσω του μητρώου UMN. Το μήνυμα σας περιμένει στο μητρώο:\n{link}',
    approvedSubject: '{name}: οι αλλαγές δημοσιεύτηκαν',
    approvedBody: 'Ένας συντονιστής ενέκρινε το {name}. Η δημόσια σελίδα είναι ενημερωμένη:\n{link}',
    changesSubject: '{name}: ζητούνται αλλαγές',
    changesBody: 'Ένας συντονιστής ζητά αλλαγές στο {name}:\n\n«{note}»\n\nΔιορθώστε τη σελίδα και στείλτε την ξανά:\n{link}',
    declinedSubject: '{name}: η καταχώριση απορρίφθηκε',
    declinedBody:
      'Ένας συντονιστής απέρριψε το {name}, για τον εξής λόγο:\n\n«{note}»\n\nΔεν δημοσιεύεται. Για να το συζητήσετε, γράψτε στους συντονιστές του μητρώου:\n{link}',
    listingSubject: 'Νέο αίτημα καταχώρισης',
    listingBody: 'Μια πρωτοβουλία ζητά να καταχωριστεί στο μητρώο ({name}). Περιμένει την απόφασή σας στην ουρά ελέγχου:\n{link}',
    reportSubject: 'Νέα αναφορά στο μητρώο',
    reportBody: 'Μια καταχώριση του μητρώου αναφέρθηκε. Διαβάστε την αναφορά και χειριστείτε την:\n{link}',
    resetSubject: 'Επιλέξτε νέο κωδικό πρόσβασης',
    resetBody:
      'Κάποιος ζήτησε νέο κωδικό για αυτόν τον λογαριασμό. Ο σύνδεσμος λειτουργεί μία φορά, για μία ώρα:\n{link}\n\nΑν δεν ήσασταν εσείς, αγνοήστε αυτό το μήνυμα: τίποτα δεν αλλάζει.',
    editorAddedSubject: 'Νέος συντάκτης στο {name}',
    editorAddedBody:
      'Ένας νέος συντάκτης (με πρόσκληση από {by}) προστέθηκε στο {name} στο μητρώο UMN. Από τώρα μπορεί να επεξεργάζεται τη σελίδα και να διαβάζει τα μηνύματά της.\n\n{why} Αν δεν το περιμένατε, ενημερώστε τους διαχειριστές του μητρώου.\n\nΣυνδεθείτε για να το δείτε:\n{link}',
    byAdmin: 'έναν διαχειριστή',
    byModerator: 'έναν συντονιστή',
    byEditor: 'έναν από τους συντάκτες της',
    whyEditors: 'Το λαμβάνετε επειδή είστε συντάκτης της.',
    whyAdmins: 'Το λαμβάνετε ως διαχειριστής του μητρώου, επειδή η πρωτοβουλία δεν είχε ακόμη συντάκτη.',
    signature: '— Μητρώο Union Migrant Net',
  },
  bg: {
    messageSubject: 'Ново съобщение за {name}',
    messageBody: 'Някой писа на {name} чрез регистъра на UMN. Съобщението ви чака в регистъра:\n{link}',
    approvedSubject: '{name}: промените са публикувани',
    approvedBody: 'Модератор одобри {name}. Публичната страница е актуална:\n{link}',
    changesSubject: '{name}: поискани са промени',
    changesBody: 'Модератор иска промени в {name}:\n\n„{note}“\n\nРедактирайте страницата и я изпратете отново:\n{link}',
    declinedSubject: '{name}: вписването е отказано',
    declinedBody:
      'Модератор отказа {name} по следната причина:\n\n„{note}“\n\nНе е публикувано. За да го обсъдите, пишете на модераторите на регистъра:\n{link}',
    listingSubject: 'Нова молба за вписване',
    listingBody: 'Инициатива иска да бъде вписана в регистъра ({name}). Тя чака вашето решение в опашката за преглед:\n{link}',
    reportSubject: 'Нов сигнал в регистъра',
    reportBody: 'Запис от регистъра беше докладван. Прочетете сигнала и го обработете:\n{link}',
    resetSubject: 'Изберете нова парола',
    resetBody:
      'Някой поиска нова парола за този профил. Връзката работи веднъж, в рамките на един час:\n{link}\n\nАко не сте били вие, пренебрегнете този имейл: нищо не се променя.',
    editorAddedSubject: 'Нов редактор на {name}',
    editorAddedBody:
      'Нов редактор (поканен от {by}) беше добавен към {name} в регистъра на UMN. Отсега може да редактира страницата и да чете получените съобщения.\n\n{why} Ако не сте очаквали това, уведомете администраторите на регистъра.\n\nВлезте, за да го видите:\n{link}',
    byAdmin: 'администратор',
    byModerator: 'модератор',
    byEditor: 'един от редакторите ѝ',
    whyEditors: 'Получавате това, защото сте неин редактор.',
    whyAdmins: 'Получавате това като администратор на регистъра, защото инициативата още нямаше редактор.',
    signature: '— Регистър Union Migrant Net',
  },
  sl: {
    messageSubject: 'Novo sporočilo za {name}',
    messageBody: 'Nekdo je pisal pobudi {name} prek registra UMN. Sporočilo vas čaka v registru:\n{link}',
    approvedSubject: '{name}: spremembe so objavljene',
    approvedBody: 'Moderator je odobril {name}. Javna stran je posodobljena:\n{link}',
    changesSubject: '{name}: zahtevane so spremembe',
    changesBody: 'Moderator prosi za spremembe pri {name}:\n\n»{note}«\n\nUredite stran in jo znova pošljite:\n{link}',
    declinedSubject: '{name}: vpis zavrnjen',
    declinedBody:
      'Moderator je zavrnil {name}, iz tega razloga:\n\n»{note}«\n\nNi objavljeno. Če se želite o tem pogovoriti, pišite moderatorjem registra:\n{link}',
    listingSubject: 'Nova prošnja za vpis',
    listingBody: 'Pobuda prosi za vpis v register ({name}). Na vašo odločitev čaka v vrsti za pregled:\n{link}',
    reportSubject: 'Nova prijava v registru',
    reportBody: 'Vnos v registru je bil prijavljen. Preberite prijavo in jo obravnavajte:\n{link}',
    resetSubject: 'Izberite novo geslo',
    resetBody:
      'Nekdo je zahteval novo geslo za ta račun. Povezava deluje enkrat, eno uro:\n{link}\n\nČe to niste bili vi, prezrite to sporočilo: nič se ne spremeni.',
    editorAddedSubject: 'Nov urednik pri {name}',
    editorAddedBody:
      'Nov urednik (povabil ga je {by}) je bil dodan k {name} v registru UMN. Od zdaj lahko ureja stran in bere prejeta sporočila.\n\n{why} Če tega niste pričakovali, obvestite skrbnike registra.\n\nPrijavite se, da si ogledate:\n{link}',
    byAdmin: 'skrbnik',
    byModerator: 'moderator',
    byEditor: 'eden od njenih urednikov',
    whyEditors: 'To prejemate, ker ste njen urednik.',
    whyAdmins: 'To prejemate kot skrbnik registra, ker pobuda še ni imela urednika.',
    signature: '— Register Union Migrant Net',
  },
  ar: {
    messageSubject: 'رسالة جديدة إلى {name}',
    messageBody: 'كتب شخص ما إلى {name} عبر سجل UMN. الرسالة بانتظارك في السجل:\n{link}',
    approvedSubject: '{name}: نُشرت التعديلات',
    approvedBody: 'وافق أحد المشرفين على {name}. الصفحة العامة محدّثة:\n{link}',
    changesSubject: '{name}: مطلوب إجراء تعديلات',
    changesBody: 'يطلب أحد المشرفين تعديلات على {name}:\n\n«{note}»\n\nعدّل الصفحة ثم أرسلها من جديد:\n{link}',
    declinedSubject: '{name}: رُفض الإدراج',
    declinedBody: 'رفض أحد المشرفين {name} للسبب التالي:\n\n«{note}»\n\nلم يُنشر. للحديث عن ذلك، اكتبوا إلى مشرفي السجل:\n{link}',
    listingSubject: 'طلب إدراج جديد',
    listingBody: 'تطلب مبادرة إدراجها في السجل ({name}). ينتظر الطلب قراركم في قائمة المراجعة:\n{link}',
    reportSubject: 'بلاغ جديد في السجل',
    reportBody: 'تم الإبلاغ عن إحدى صفحات السجل. اقرأ البلاغ وتعامل معه:\n{link}',
    resetSubject: 'اختر كلمة مرور جديدة',
    resetBody:
      'طلب شخص ما كلمة مرور جديدة لهذا الحساب. يعمل هذا الرابط مرة واحدة ولمدة ساعة:\n{link}\n\nإن لم تكن أنت، فتجاهل هذه الرسالة: لن يتغير شيء.',
    editorAddedSubject: 'محرر جديد أُضيف إلى {name}',
    editorAddedBody:
      'أُضيف محرر جديد (بدعوة من {by}) إلى {name} في سجل UMN. يستطيع من الآن تعديل الصفحة وقراءة الرسائل التي تصلها.\n\n{why} إن لم تكن تتوقع ذلك فأخبر مديري السجل.\n\nسجّل الدخول لتراه:\n{link}',
    byAdmin: 'أحد المديرين',
    byModerator: 'أحد المشرفين',
    byEditor: 'أحد محرريها',
    whyEditors: 'تصلك هذه الرسالة لأنك من محرريها.',
    whyAdmins: 'تصلك هذه الرسالة بصفتك مديرًا للسجل، لأن المبادرة لم يكن لها محرر بعد.',
    signature: '— سجل Union Migrant Net',
  },
  nl: {
    messageSubject: 'Nieuw bericht voor {name}',
    messageBody: 'Iemand schreef naar {name} via het UMN-register. Het bericht wacht op u in het register:\n{link}',
    approvedSubject: '{name}: wijzigingen gepubliceerd',
    approvedBody: 'Een moderator heeft {name} goedgekeurd. De openbare pagina is bijgewerkt:\n{link}',
    changesSubject: '{name}: wijzigingen gevraagd',
    changesBody: 'Een moderator vraagt wijzigingen aan {name}:\n\n"{note}"\n\nPas de pagina aan en stuur ze opnieuw in:\n{link}',
    declinedSubject: '{name}: vermelding geweigerd',
    declinedBody:
      'Een moderator heeft {name} geweigerd, om deze reden:\n\n‘{note}’\n\nHet wordt niet gepubliceerd. Wilt u erover praten, schrijf dan de moderators van het register:\n{link}',
    listingSubject: 'Nieuwe aanvraag voor een vermelding',
    listingBody: 'Een initiatief vraagt om in het register te staan ({name}). Het wacht op uw beslissing in de reviewwachtrij:\n{link}',
    reportSubject: 'Nieuwe melding in het register',
    reportBody: 'Een vermelding in het register is gemeld. Lees de melding en handel ze af:\n{link}',
    resetSubject: 'Kies een nieuw wachtwoord',
    resetBody:
      'Iemand vroeg een nieuw wachtwoord voor dit account. Deze link werkt één keer, één uur lang:\n{link}\n\nWas u het niet, negeer dan deze e-mail: er verandert niets.',
    editorAddedSubject: 'Nieuwe redacteur toegevoegd aan {name}',
    editorAddedBody:
      'Een nieuwe redacteur (uitgenodigd door {by}) is toegevoegd aan {name} in het UMN-register. Vanaf nu kan die de pagina bewerken en de ontvangen berichten lezen.\n\n{why} Had u dit niet verwacht, laat het de beheerders van het register weten.\n\nMeld u aan om het te zien:\n{link}',
    byAdmin: 'een beheerder',
    byModerator: 'een moderator',
    byEditor: 'een van de redacteuren',
    whyEditors: 'U ontvangt dit omdat u een van de redacteuren bent.',
    whyAdmins: 'U ontvangt dit als beheerder van het register, omdat het initiatief nog geen redacteur had.',
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
    declinedSubject: '{name}: Eintrag abgelehnt',
    declinedBody:
      'Die Moderation hat {name} aus diesem Grund abgelehnt:\n\n„{note}“\n\nDer Eintrag wird nicht veröffentlicht. Wenn Sie darüber sprechen möchten, schreiben Sie der Moderation des Registers:\n{link}',
    listingSubject: 'Neue Anfrage für einen Eintrag',
    listingBody: 'Eine Initiative möchte im Register erscheinen ({name}). Sie wartet in der Prüfliste auf Ihre Entscheidung:\n{link}',
    reportSubject: 'Neue Meldung im Register',
    reportBody: 'Ein Eintrag im Register wurde gemeldet. Lesen Sie die Meldung und bearbeiten Sie sie:\n{link}',
    resetSubject: 'Neues Passwort wählen',
    resetBody:
      'Jemand hat ein neues Passwort für dieses Konto angefordert. Der Link funktioniert einmal, eine Stunde lang:\n{link}\n\nWaren Sie es nicht, ignorieren Sie diese E-Mail: nichts ändert sich.',
    editorAddedSubject: 'Neue Redaktion bei {name}',
    editorAddedBody:
      'Eine neue Person (eingeladen von {by}) betreut jetzt {name} im UMN-Register. Sie kann ab sofort die Seite bearbeiten und die eingehenden Nachrichten lesen.\n\n{why} Wenn Sie das nicht erwartet haben, sagen Sie es der Administration des Registers.\n\nMelden Sie sich an, um es zu sehen:\n{link}',
    byAdmin: 'der Administration',
    byModerator: 'der Moderation',
    byEditor: 'einer Person, die den Eintrag schon betreut',
    whyEditors: 'Sie erhalten dies, weil Sie diesen Eintrag betreuen.',
    whyAdmins: 'Sie erhalten dies als Administration des Registers, weil die Initiative noch niemanden hatte.',
    signature: '— Register Union Migrant Net',
  },
};

export type MailKind = 'message' | 'approved' | 'changes' | 'declined' | 'listing' | 'report' | 'reset' | 'editorAdded';

/** Who invited a new editor, and why the recipient is told (editor-added-notices.ts). */
export interface EditorAddedValues {
  by: 'admin' | 'moderator' | 'editor';
  audience: 'editors' | 'admins';
}

const BY = { admin: 'byAdmin', moderator: 'byModerator', editor: 'byEditor' } as const;

/** The subject and text of one e-mail, with its values filled in. */
export function mailText(
  lang: MailLanguage,
  kind: MailKind,
  values: { name?: string; note?: string; link: string; editorAdded?: EditorAddedValues },
): { subject: string; text: string } {
  const texts = TEXTS[lang];
  const added = values.editorAdded;
  const filled: Readonly<Record<string, string | undefined>> = {
    name: values.name,
    note: values.note,
    link: values.link,
    by: added && texts[BY[added.by]],
    why: added && texts[added.audience === 'editors' ? 'whyEditors' : 'whyAdmins'],
  };
  // One pass: a placeholder inside a filled-in value (a moderator's note) stays as it was written.
  const fill = (template: string) => template.replace(/\{(name|note|link|by|why)\}/g, (_, key: string) => filled[key] ?? '');
  const subject = fill(texts[`${kind}Subject`]);
  return { subject, text: `${fill(texts[`${kind}Body`])}\n\n${texts.signature}\n` };
}
