// The e-mail that goes with a "sent to your initiative" notice (only with SMTP), in the nine
// languages of the site. It names the initiative and the record's title and links to the page
// where to answer; never the buyer's or anyone's address.
import type { MailLanguage } from '../../notifications/notice-mail-texts.ts';

interface MatchedTexts {
  subject: string;
  body: string;
  /** For a lender's offer matched with a need: the node's staff are told. */
  staffBody: string;
  signature: string;
}

// {name}: the initiative (or organisation); {title}: the record's title; {link}: where to answer.
const TEXTS: Readonly<Record<MailLanguage, MatchedTexts>> = {
  fr: {
    subject: '{name} : une demande ou une offre pourrait vous concerner',
    body: 'Le registre UMN a trouvé une demande ou une offre qui correspond à {name} : « {title} ».\n\nLisez-la et répondez « intéressé », « pas pour nous » ou posez une question, sans que personne ne voie votre adresse :\n{link}',
    staffBody: 'Le registre UMN a trouvé une fiche qui correspond à l’offre de {name} : « {title} ».\n\nVoyez-la ici :\n{link}',
    signature: '— Registre Union Migrant Net',
  },
  en: {
    subject: '{name}: a request or an offer may be for you',
    body: 'The UMN registry found a request or an offer that matches {name}: "{title}".\n\nRead it and answer "interested", "not for us" or ask a question, without anyone seeing your address:\n{link}',
    staffBody: 'The UMN registry found a record that matches the offer of {name}: "{title}".\n\nSee it here:\n{link}',
    signature: '— Union Migrant Net registry',
  },
  it: {
    subject: '{name}: una richiesta o un’offerta potrebbe interessarvi',
    body: 'Il registro UMN ha trovato una richiesta o un’offerta adatta a {name}: «{title}».\n\nLeggetela e rispondete «interessati», «non fa per noi» o fate una domanda, senza che nessuno veda il vostro indirizzo:\n{link}',
    staffBody: 'Il registro UMN ha trovato una scheda adatta all’offerta di {name}: «{title}».\n\nVedetela qui:\n{link}',
    signature: '— Registro Union Migrant Net',
  },
  el: {
    subject: '{name}: ένα αίτημα ή μια προσφορά μπορεί να σας αφορά',
    body: 'Το μητρώο UMN βρήκε ένα αίτημα ή μια προσφορά που ταιριάζει στο {name}: «{title}».\n\nΔιαβάστε το και απαντήστε «ενδιαφερόμαστε», «δεν είναι για εμάς» ή κάντε μια ερώτηση, χωρίς να δει κανείς τη διεύθυνσή σας:\n{link}',
    staffBody: 'Το μητρώο UMN βρήκε μια καταχώριση που ταιριάζει στην προσφορά του {name}: «{title}».\n\nΔείτε την εδώ:\n{link}',
    signature: '— Μητρώο Union Migrant Net',
  },
  bg: {
    subject: '{name}: запитване или предложение, което може да ви засяга',
    body: 'Регистърът UMN намери запитване или предложение, което подхожда на {name}: „{title}“.\n\nПрочетете го и отговорете „интересуваме се“, „не е за нас“ или задайте въпрос, без никой да вижда адреса ви:\n{link}',
    staffBody: 'Регистърът UMN намери запис, който подхожда на предложението на {name}: „{title}“.\n\nВижте го тук:\n{link}',
    signature: '— Регистър Union Migrant Net',
  },
  sl: {
    subject: '{name}: povpraševanje ali ponudba, ki vas morda zanima',
    body: 'Register UMN je našel povpraševanje ali ponudbo, ki ustreza {name}: »{title}«.\n\nPreberite ga in odgovorite »zanima nas«, »ni za nas« ali postavite vprašanje, ne da bi kdo videl vaš naslov:\n{link}',
    staffBody: 'Register UMN je našel zapis, ki ustreza ponudbi {name}: »{title}«.\n\nOglejte si ga tukaj:\n{link}',
    signature: '— Register Union Migrant Net',
  },
  ar: {
    subject: '{name}: طلب أو عرض قد يهمّكم',
    body: 'وجد سجل UMN طلبًا أو عرضًا يناسب {name}: «{title}».\n\nاقرأوه وأجيبوا «مهتمّون» أو «ليس لنا» أو اطرحوا سؤالًا، دون أن يرى أحد عنوانكم:\n{link}',
    staffBody: 'وجد سجل UMN سجلًّا يناسب عرض {name}: «{title}».\n\nاطّلعوا عليه هنا:\n{link}',
    signature: '— سجل Union Migrant Net',
  },
  nl: {
    subject: '{name}: een aanvraag of aanbod dat u kan aangaan',
    body: 'Het UMN-register vond een aanvraag of aanbod dat past bij {name}: "{title}".\n\nLees ze en antwoord "geïnteresseerd", "niets voor ons" of stel een vraag, zonder dat iemand uw adres ziet:\n{link}',
    staffBody: 'Het UMN-register vond een fiche die past bij het aanbod van {name}: "{title}".\n\nBekijk ze hier:\n{link}',
    signature: '— Union Migrant Net-register',
  },
  de: {
    subject: '{name}: eine Anfrage oder ein Angebot, das Sie betreffen könnte',
    body: 'Das UMN-Register hat eine Anfrage oder ein Angebot gefunden, das zu {name} passt: „{title}“.\n\nLesen Sie sie und antworten Sie „interessiert“, „nichts für uns“ oder stellen Sie eine Frage, ohne dass jemand Ihre Adresse sieht:\n{link}',
    staffBody: 'Das UMN-Register hat einen Eintrag gefunden, der zum Angebot von {name} passt: „{title}“.\n\nSehen Sie ihn hier:\n{link}',
    signature: '— Register Union Migrant Net',
  },
};

export function matchedMailText(
  language: MailLanguage,
  audience: 'initiative' | 'organisation',
  values: { name: string; title: string; link: string },
): { subject: string; text: string } {
  const texts = TEXTS[language];
  const fill = (template: string) => template.replace(/\{(name|title|link)\}/g, (_, key: keyof typeof values) => values[key]);
  // A title or a name never spans lines in a header.
  return {
    subject: fill(texts.subject).replace(/[\r\n]+/g, ' '),
    text: `${fill(audience === 'initiative' ? texts.body : texts.staffBody)}\n\n${texts.signature}\n`,
  };
}
