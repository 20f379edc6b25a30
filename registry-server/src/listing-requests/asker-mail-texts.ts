// The e-mails the person who asked for a listing may receive (only when SMTP is configured), in
// the language they asked in: the invitation to become the initiative's editor (once published, or
// with the moderator's reason for changes before it is), or the moderator's reason for declining. Nothing else is ever sent to that address.
import { mailLanguage, type MailLanguage } from '../notifications/notice-mail-texts.ts';

export type AskerMailKind = 'invited' | 'changes' | 'declined';

type Texts = Record<`${AskerMailKind}Subject` | `${AskerMailKind}Body` | 'signature', string>;

// {name}: the initiative's name; {link}: the invitation; {date}: when it expires; {reason}: the moderator's words.
const TEXTS: Readonly<Record<MailLanguage, Texts>> = {
  fr: {
    invitedSubject: '{name} est dans le registre UMN',
    invitedBody:
      'Votre demande a été acceptée : {name} est maintenant publiée dans le registre Union Migrant Net.\n\nPour tenir la fiche à jour, créez votre compte avec ce lien (il sert une seule fois, jusqu’au {date}) :\n{link}\n\nVotre adresse n’est pas publiée ; le registre l’oublie dès que le lien a servi.',
    declinedSubject: 'Votre demande pour {name}',
    declinedBody:
      'Votre demande d’inscription de {name} dans le registre Union Migrant Net n’a pas été acceptée, pour cette raison :\n\n« {reason} »\n\nLe registre a maintenant oublié votre adresse. Vous pouvez faire une nouvelle demande à tout moment.',
    changesSubject: 'Des changements pour {name} avant sa publication',
    changesBody:
      'Un modérateur ou une modératrice du registre Union Migrant Net demande des changements à {name} avant de la publier :\n\n« {reason} »\n\nPour les faire, créez votre compte avec ce lien (il sert une seule fois, jusqu’au {date}) :\n{link}\n\nVous verrez cette raison sur la page de l’initiative ; modifiez-la, puis envoyez-la de nouveau pour relecture. Votre adresse n’est pas publiée ; le registre l’oublie dès que le lien a servi.',
    signature: '— Registre Union Migrant Net',
  },
  en: {
    invitedSubject: '{name} is in the UMN registry',
    invitedBody:
      'Your request was accepted: {name} is now published in the Union Migrant Net registry.\n\nTo keep its page up to date, create your account with this link (it works once, until {date}):\n{link}\n\nYour address is not published; the registry forgets it as soon as the link is used.',
    declinedSubject: 'Your request for {name}',
    declinedBody:
      'Your request to list {name} in the Union Migrant Net registry was not accepted, for this reason:\n\n"{reason}"\n\nThe registry has now forgotten your address. You may ask again at any time.',
    changesSubject: 'Changes to {name} before it is published',
    changesBody:
      'A moderator of the Union Migrant Net registry asks for changes to {name} before publishing it:\n\n"{reason}"\n\nTo make them, create your account with this link (it works once, until {date}):\n{link}\n\nYou will see this reason on the initiative\'s page; edit it, then send it for review again. Your address is not published; the registry forgets it as soon as the link is used.',
    signature: '— Union Migrant Net registry',
  },
  it: {
    invitedSubject: '{name} è nel registro UMN',
    invitedBody:
      'La tua richiesta è stata accettata: {name} è ora pubblicata nel registro Union Migrant Net.\n\nPer tenere aggiornata la scheda, crea il tuo account con questo link (funziona una sola volta, fino al {date}):\n{link}\n\nIl tuo indirizzo non è pubblicato; il registro lo dimentica appena il link è stato usato.',
    declinedSubject: 'La tua richiesta per {name}',
    declinedBody:
      'La tua richiesta di inserire {name} nel registro Union Migrant Net non è stata accettata, per questo motivo:\n\n«{reason}»\n\nIl registro ha ora dimenticato il tuo indirizzo. Puoi fare una nuova richiesta in qualsiasi momento.',
    changesSubject: 'Modifiche a {name} prima della pubblicazione',
    changesBody:
      'Un moderatore del registro Union Migrant Net chiede delle modifiche a {name} prima di pubblicarla:\n\n«{reason}»\n\nPer farle, crea il tuo account con questo link (funziona una sola volta, fino al {date}):\n{link}\n\nVedrai questo motivo sulla pagina dell’iniziativa; modificala, poi inviala di nuovo per la revisione. Il tuo indirizzo non è pubblicato; il registro lo dimentica appena il link è stato usato.',
    signature: '— Registro Union Migrant Net',
  },
  el: {
    invitedSubject: 'Το {name} είναι στο μητρώο UMN',
    invitedBody:
      'Το αίτημά σας έγινε δεκτό: το {name} δημοσιεύτηκε στο μητρώο Union Migrant Net.\n\nΓια να ενημερώνετε τη σελίδα, δημιουργήστε τον λογαριασμό σας με αυτόν τον σύνδεσμο (λειτουργεί μία φορά, έως τις {date}):\n{link}\n\nΗ διεύθυνσή σας δεν δημοσιεύεται· το μητρώο την ξεχνά μόλις χρησιμοποιηθεί ο σύνδεσμος.',
    declinedSubject: 'Το αίτημά σας για το {name}',
    declinedBody:
      'Το αίτημά σας να καταχωριστεί το {name} στο μητρώο Union Migrant Net δεν έγινε δεκτό, για τον εξής λόγο:\n\n«{reason}»\n\nΤο μητρώο έχει πλέον ξεχάσει τη διεύθυνσή σας. Μπορείτε να κάνετε νέο αίτημα οποιαδήποτε στιγμή.',
    changesSubject: 'Αλλαγές στο {name} πριν από τη δημοσίευση',
    changesBody:
      'Ένας συντονιστής του μητρώου Union Migrant Net ζητά αλλαγές στο {name} πριν το δημοσιεύσει:\n\n«{reason}»\n\nΓια να τις κάνετε, δημιουργήστε τον λογαριασμό σας με αυτόν τον σύνδεσμο (λειτουργεί μία φορά, έως τις {date}):\n{link}\n\nΘα δείτε αυτόν τον λόγο στη σελίδα της πρωτοβουλίας· επεξεργαστείτε την και στείλτε την ξανά για έλεγχο. Η διεύθυνσή σας δεν δημοσιεύεται· το μητρώο την ξεχνά μόλις χρησιμοποιηθεί ο σύνδεσμος.',
    signature: '— Μητρώο Union Migrant Net',
  },
  bg: {
    invitedSubject: '{name} е в регистъра UMN',
    invitedBody:
      'Молбата ви е приета: {name} вече е публикувана в регистъра Union Migrant Net.\n\nЗа да поддържате страницата актуална, създайте профила си с този линк (работи веднъж, до {date}):\n{link}\n\nАдресът ви не се публикува; регистърът го забравя веднага щом линкът бъде използван.',
    declinedSubject: 'Вашата молба за {name}',
    declinedBody:
      'Молбата ви {name} да бъде вписана в регистъра Union Migrant Net не е приета по следната причина:\n\n„{reason}“\n\nРегистърът вече забрави адреса ви. Можете да подадете нова молба по всяко време.',
    changesSubject: 'Промени в {name} преди публикуване',
    changesBody:
      'Модератор на регистъра Union Migrant Net иска промени в {name}, преди да я публикува:\n\n„{reason}“\n\nЗа да ги направите, създайте профила си с този линк (работи веднъж, до {date}):\n{link}\n\nЩе видите тази причина на страницата на инициативата; редактирайте я и я изпратете отново за преглед. Адресът ви не се публикува; регистърът го забравя веднага щом линкът бъде използван.',
    signature: '— Регистър Union Migrant Net',
  },
  sl: {
    invitedSubject: '{name} je v registru UMN',
    invitedBody:
      'Vaša prošnja je bila sprejeta: {name} je zdaj objavljena v registru Union Migrant Net.\n\nDa bo stran ostala ažurna, ustvarite svoj račun s to povezavo (deluje enkrat, do {date}):\n{link}\n\nVaš naslov ni objavljen; register ga pozabi takoj, ko je povezava uporabljena.',
    declinedSubject: 'Vaša prošnja za {name}',
    declinedBody:
      'Vaša prošnja za vpis pobude {name} v register Union Migrant Net ni bila sprejeta, iz tega razloga:\n\n»{reason}«\n\nRegister je vaš naslov zdaj pozabil. Novo prošnjo lahko pošljete kadar koli.',
    changesSubject: 'Spremembe pobude {name} pred objavo',
    changesBody:
      'Moderator registra Union Migrant Net prosi za spremembe pobude {name}, preden jo objavi:\n\n»{reason}«\n\nDa jih naredite, ustvarite svoj račun s to povezavo (deluje enkrat, do {date}):\n{link}\n\nTa razlog boste videli na strani pobude; uredite jo in jo znova pošljite v pregled. Vaš naslov ni objavljen; register ga pozabi takoj, ko je povezava uporabljena.',
    signature: '— Register Union Migrant Net',
  },
  ar: {
    invitedSubject: '{name} في سجل UMN',
    invitedBody:
      'قُبل طلبكم: نُشرت {name} الآن في سجل Union Migrant Net.\n\nلتحديث صفحتها، أنشئوا حسابكم بهذا الرابط (يعمل مرة واحدة، حتى {date}):\n{link}\n\nعنوانكم غير منشور؛ ينساه السجل بمجرد استخدام الرابط.',
    declinedSubject: 'طلبكم بشأن {name}',
    declinedBody:
      'لم يُقبل طلبكم إدراج {name} في سجل Union Migrant Net، للسبب التالي:\n\n«{reason}»\n\nنسي السجل عنوانكم الآن. يمكنكم تقديم طلب جديد في أي وقت.',
    changesSubject: 'تغييرات على {name} قبل نشرها',
    changesBody:
      'يطلب أحد مشرفي سجل Union Migrant Net إجراء تغييرات على {name} قبل نشرها:\n\n«{reason}»\n\nلإجرائها، أنشئوا حسابكم بهذا الرابط (يعمل مرة واحدة، حتى {date}):\n{link}\n\nسترون هذا السبب في صفحة المبادرة؛ عدّلوها ثم أرسلوها للمراجعة مرة أخرى. عنوانكم غير منشور؛ ينساه السجل بمجرد استخدام الرابط.',
    signature: '— سجل Union Migrant Net',
  },
  nl: {
    invitedSubject: '{name} staat in het UMN-register',
    invitedBody:
      'Uw aanvraag is aanvaard: {name} is nu gepubliceerd in het Union Migrant Net-register.\n\nMaak uw account aan met deze link om de pagina bij te houden (hij werkt één keer, tot {date}):\n{link}\n\nUw adres wordt niet gepubliceerd; het register vergeet het zodra de link gebruikt is.',
    declinedSubject: 'Uw aanvraag voor {name}',
    declinedBody:
      'Uw aanvraag om {name} in het Union Migrant Net-register op te nemen is niet aanvaard, om deze reden:\n\n‘{reason}’\n\nHet register is uw adres nu vergeten. U kunt op elk moment opnieuw een aanvraag doen.',
    changesSubject: 'Wijzigingen aan {name} vóór publicatie',
    changesBody:
      'Een moderator van het Union Migrant Net-register vraagt wijzigingen aan {name} voordat het gepubliceerd wordt:\n\n‘{reason}’\n\nMaak uw account aan met deze link om ze aan te brengen (hij werkt één keer, tot {date}):\n{link}\n\nU ziet deze reden op de pagina van het initiatief; pas het aan en stuur het opnieuw ter beoordeling. Uw adres wordt niet gepubliceerd; het register vergeet het zodra de link gebruikt is.',
    signature: '— Union Migrant Net-register',
  },
  de: {
    invitedSubject: '{name} ist im UMN-Register',
    invitedBody:
      'Ihre Anfrage wurde angenommen: {name} ist jetzt im Register Union Migrant Net veröffentlicht.\n\nUm den Eintrag aktuell zu halten, legen Sie mit diesem Link Ihr Konto an (er funktioniert einmal, bis {date}):\n{link}\n\nIhre Adresse wird nicht veröffentlicht; das Register vergisst sie, sobald der Link benutzt wurde.',
    declinedSubject: 'Ihre Anfrage für {name}',
    declinedBody:
      'Ihre Anfrage, {name} in das Register Union Migrant Net aufzunehmen, wurde aus diesem Grund nicht angenommen:\n\n„{reason}“\n\nDas Register hat Ihre Adresse jetzt vergessen. Sie können jederzeit eine neue Anfrage stellen.',
    changesSubject: 'Änderungen an {name} vor der Veröffentlichung',
    changesBody:
      'Eine Moderatorin oder ein Moderator des Registers Union Migrant Net bittet um Änderungen an {name}, bevor es veröffentlicht wird:\n\n„{reason}“\n\nLegen Sie dafür mit diesem Link Ihr Konto an (er funktioniert einmal, bis {date}):\n{link}\n\nSie sehen diesen Grund auf der Seite der Initiative; bearbeiten Sie sie und senden Sie sie erneut zur Prüfung. Ihre Adresse wird nicht veröffentlicht; das Register vergisst sie, sobald der Link benutzt wurde.',
    signature: '— Register Union Migrant Net',
  },
};

/** The subject and text of one e-mail to the person who asked, in their language (else English). */
export function askerMail(
  language: string,
  kind: AskerMailKind,
  values: { name: string; link?: string; date?: string; reason?: string },
): { subject: string; text: string } {
  const texts = TEXTS[mailLanguage([language])];
  // One pass: a placeholder inside a filled-in value (the moderator's reason) stays as written.
  const fill = (template: string) =>
    template.replace(/\{(name|link|date|reason)\}/g, (_, key: 'name' | 'link' | 'date' | 'reason') => values[key] ?? '');
  return { subject: fill(texts[`${kind}Subject`]), text: `${fill(texts[`${kind}Body`])}\n\n${texts.signature}\n` };
}
