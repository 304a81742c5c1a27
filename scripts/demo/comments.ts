/**
 * Northwind Telecom — what customers write (the `comment` column of responses.csv) and the
 * codebook that reads it (themes.yaml). Pure: returns text, touches no disk.
 *
 * Every comment is composed from the themes planted in it, so the codebook has something
 * true to find: waiting times fall wave on wave as responsiveness improves, faults that come
 * back stay as they are (reliability does not move), kind staff and quick fixes go with high
 * scores, billing and call-backs with low ones, and the email channel has people repeat
 * themselves. About one commenter in nine writes in French (more in the East). A handful of
 * comments carry an e-mail address, a phone number or a name from the questionnaire's
 * `redact:` list, so a published page proves the scrubber removes them.
 *
 * All draws come from the comments' own stream (`Rng.fork`), never the survey's, so adding or
 * changing comments moves no figure of the survey.
 */
import type { Rng } from './random.ts';

export type Tone = 'negative' | 'mixed' | 'positive';
type Lang = 'en' | 'fr';

interface ThemeSpec {
  id: string;
  parent?: string;
  label: { en: string; fr: string; vi: string };
  keywords: { en: readonly string[]; fr: readonly string[] };
  /** Chance a comment of this tone mentions the theme, before the context's multipliers. */
  chance: Record<Tone, number>;
  /** Sentences that mention the theme, by tone (positive sentences for positive comments). */
  say: Record<Lang, { bad: readonly string[]; good: readonly string[] }>;
}

/** The planted themes, in codebook order. `{n}`, `{mins}`, `{hours}`, `{town}` are filled per comment. */
export const THEMES: readonly ThemeSpec[] = [
  {
    id: 'waiting',
    label: { en: 'Waiting times', fr: 'Temps d’attente', vi: 'Thời gian chờ' },
    keywords: {
      en: ['wait*', 'queue', 'on hold', 'hold music', 'took ages', 'get through', 'getting through'],
      fr: ['attente', 'attendre', 'attendu', 'patienter'],
    },
    chance: { negative: 0.42, mixed: 0.3, positive: 0.06 },
    say: {
      en: {
        bad: [
          'Waited {mins} minutes on hold before anyone answered.',
          'Spent {mins} minutes in the queue, then got cut off.',
          'The hold music on a loop for {mins} minutes is not a service.',
          'It took ages to get through to a person.',
          'I was kept waiting far too long.',
          'Getting through is the hard part: {mins} minutes on hold every time.',
          'Why do I have to wait {mins} minutes to report a fault?',
        ],
        good: [
          'Hardly any wait this time.',
          "Didn't have to wait long at all.",
          'The queue was much shorter than last year.',
          'Much easier to get through than before.',
        ],
      },
      fr: {
        bad: [
          "{mins} minutes d'attente avant de parler à quelqu'un.",
          "J'ai dû attendre {mins} minutes au téléphone.",
          "Trop d'attente, à chaque appel.",
          "L'attente est interminable, avec la musique en boucle.",
        ],
        good: ["Presque pas d'attente cette fois.", "Peu d'attente, c'est appréciable."],
      },
    },
  },
  {
    id: 'callback',
    parent: 'waiting',
    label: { en: 'Promised call-backs', fr: 'Rappels promis', vi: 'Hẹn gọi lại' },
    keywords: { en: ['call back', 'called back', 'call me back', 'called me back', 'callback'], fr: ['rappel*'] },
    chance: { negative: 0.14, mixed: 0.07, positive: 0.02 },
    say: {
      en: {
        bad: [
          'Promised a call back within {hours} hours, still nothing.',
          'Nobody called me back as promised.',
          'I was told someone would call me back the same day. Nobody did.',
          'I asked for a callback twice and never got one.',
        ],
        good: ['They called me back exactly when they said they would.'],
      },
      fr: {
        bad: ["On m'a promis un rappel sous {hours} heures, toujours rien.", "Personne ne m'a rappelé.", 'Ils devaient me rappeler le jour même.'],
        good: ["Rappelé à l'heure prévue, merci."],
      },
    },
  },
  {
    id: 'repeat-fault',
    label: { en: 'Faults that come back', fr: 'Pannes à répétition', vi: 'Sự cố tái diễn' },
    keywords: {
      en: ['cuts out', 'drops out', 'keeps dropping', 'same fault', 'still not working', 'not fixed', "fix didn't last"],
      fr: ['coupe*', 'coupure*', 'panne*'],
    },
    chance: { negative: 0.38, mixed: 0.2, positive: 0.03 },
    say: {
      en: {
        bad: [
          'The broadband still cuts out every evening.',
          'Same fault again, {n} weeks after the repair.',
          'The line keeps dropping and nobody checks it.',
          'Told it was fixed, but it is still not working.',
          'The signal drops out in the house every day.',
          'Router replaced twice, same fault.',
          "The fix didn't last a week.",
        ],
        good: ['The same fault I reported for months is finally gone.'],
      },
      fr: {
        bad: [
          'La connexion coupe tous les soirs.',
          'Toujours la même panne après la réparation.',
          'Des coupures à répétition, personne ne vérifie la ligne.',
          'La box a été changée deux fois, même panne.',
        ],
        good: ['La panne est enfin réglée.'],
      },
    },
  },
  {
    id: 'explain-again',
    label: { en: 'Having to explain again', fr: 'Tout réexpliquer', vi: 'Phải trình bày lại' },
    keywords: {
      en: ['explain the problem', 'explain it all again', 'start from scratch', 'repeat myself', 'different people'],
      fr: ['réexpliqu*', 'répéter', 'même explication'],
    },
    chance: { negative: 0.18, mixed: 0.1, positive: 0.01 },
    say: {
      en: {
        bad: [
          'Had to explain the problem {n} times, to {n} different people.',
          'Every contact I start from scratch.',
          'I had to repeat myself to every agent.',
          'Nobody reads the notes, so you explain it all again.',
        ],
        good: ['For once I did not have to repeat myself.'],
      },
      fr: {
        bad: [
          "J'ai dû tout réexpliquer à chaque appel.",
          'Il faut répéter son problème à chaque interlocuteur.',
          'Trois conseillers, trois fois la même explication.',
        ],
        good: ['Pas besoin de répéter, le dossier était à jour.'],
      },
    },
  },
  {
    id: 'billing',
    label: { en: 'Billing errors', fr: 'Erreurs de facturation', vi: 'Lỗi hóa đơn' },
    keywords: { en: ['bill*', 'charged', 'overcharg*', 'invoice', 'extra charge'], fr: ['factur*', 'prélev*', 'frais'] },
    chance: { negative: 0.18, mixed: 0.11, positive: 0.02 },
    say: {
      en: {
        bad: [
          'My bill was wrong again, {n} months in a row.',
          'Charged twice for the same month.',
          'Overcharged on roaming and it took weeks to sort out.',
          "The bill doesn't match the plan I signed up for.",
          'An extra charge appeared on my invoice with no explanation.',
        ],
        good: ['The billing team sorted my account in one go.'],
      },
      fr: {
        bad: ['Facture erronée, {n} mois de suite.', 'Prélevé deux fois ce mois-ci.', "Des frais sur ma facture que personne n'explique."],
        good: ['Erreur de facture corrigée sans discussion.'],
      },
    },
  },
  {
    id: 'refund',
    parent: 'billing',
    label: { en: 'Refunds', fr: 'Remboursements', vi: 'Hoàn tiền' },
    keywords: { en: ['refund*'], fr: ['rembours*'] },
    chance: { negative: 0.08, mixed: 0.05, positive: 0.02 },
    say: {
      en: {
        bad: [
          'Still no refund after {n} weeks.',
          'Charged for a bundle I cancelled, took weeks to get a refund.',
          'Each time I ask about my refund I get a new excuse.',
        ],
        good: ['The refund came through within days.'],
      },
      fr: {
        bad: ['Toujours pas remboursé après {n} semaines.', 'On me promet un remboursement depuis des semaines.'],
        good: ['Remboursement reçu en quelques jours.'],
      },
    },
  },
  {
    id: 'engineer',
    label: { en: 'Engineer visits', fr: 'Interventions du technicien', vi: 'Kỹ thuật viên đến nhà' },
    keywords: { en: ['engineer*', 'technician*', 'appointment*'], fr: ['technicien*', 'rendez vous', 'intervention*'] },
    chance: { negative: 0.12, mixed: 0.1, positive: 0.1 },
    say: {
      en: {
        bad: [
          'The engineer never turned up for the appointment.',
          'Took a day off for an engineer visit, nobody came.',
          'Appointment moved {n} times without warning.',
        ],
        good: ['The engineer arrived on time and explained everything.', 'Tidy work by the technician, thank you.', 'Got an appointment for the next morning.'],
      },
      fr: {
        bad: ["Le technicien n'est jamais venu au rendez-vous.", 'Rendez-vous déplacé {n} fois sans prévenir.'],
        good: ['Technicien ponctuel et très clair.', 'Intervention propre et rapide.'],
      },
    },
  },
  {
    id: 'staff',
    label: { en: 'Kind, helpful staff', fr: 'Personnel aimable', vi: 'Nhân viên nhiệt tình' },
    keywords: {
      en: ['friendly', 'helpful', 'polite', 'patient*', 'kind', 'knowledgeable'],
      fr: ['aimable', 'serviable', 'sympathique', 'poli', 'polie', 'patient*'],
    },
    chance: { negative: 0.08, mixed: 0.32, positive: 0.42 },
    say: {
      en: {
        bad: ['Staff were polite but could not do anything.', 'Friendly enough, but nobody could actually help.'],
        good: [
          'The agent was friendly and patient.',
          'Really helpful staff in the {town} store.',
          'Polite, knowledgeable and calm.',
          'The lady on the phone was kind and clear.',
          'Helpful chat agent who actually listened.',
        ],
      },
      fr: {
        bad: ['Conseiller poli, mais sans solution.'],
        good: ['Conseillère très aimable et patiente.', 'Personnel serviable en boutique à {town}.', 'Accueil sympathique, explications claires.'],
      },
    },
  },
  {
    id: 'speed',
    label: { en: 'Quick resolution', fr: 'Résolution rapide', vi: 'Giải quyết nhanh' },
    keywords: { en: ['quick*', 'fast*', 'first call', 'in minutes', 'under a minute', 'straight away'], fr: ['rapide*', 'premier appel', 'quelques minutes'] },
    chance: { negative: 0.02, mixed: 0.1, positive: 0.38 },
    say: {
      en: {
        bad: ['Quick to sell, slow to fix.'],
        good: [
          'Sorted on the first call.',
          'Quick answer, fixed in minutes.',
          'Answered in under a minute. Impressed.',
          'Fast and efficient.',
          'They dealt with it straight away.',
        ],
      },
      fr: {
        bad: ['Rapide pour vendre, lent pour réparer.'],
        good: ['Réponse rapide, problème réglé au premier appel.', 'Efficace et rapide.', 'Réglé en quelques minutes.'],
      },
    },
  },
  {
    id: 'app',
    label: { en: 'App and website', fr: 'Appli et site web', vi: 'Ứng dụng và trang web' },
    keywords: { en: ['app', 'website', 'chat bot', 'chatbot', 'online account'], fr: ['appli*', 'chatbot', 'site internet', 'site web'] },
    chance: { negative: 0.08, mixed: 0.08, positive: 0.06 },
    say: {
      en: {
        bad: ['The chat bot kept sending me in circles.', "The app's repair tracker is never up to date.", 'The website logs me out every time I try to pay.'],
        good: ['Easy to change my plan in the app.', 'The online account shows everything clearly now.'],
      },
      fr: {
        bad: ["L'appli plante à chaque connexion.", 'Le chatbot ne comprend rien.', 'Le site internet est très confus.'],
        good: ["L'appli est simple et claire."],
      },
    },
  },
  {
    id: 'price',
    label: { en: 'Price and value', fr: 'Prix et rapport qualité-prix', vi: 'Giá cả' },
    keywords: { en: ['price*', 'expensive', 'value for money', 'cheaper', 'cost*'], fr: ['cher', 'prix', 'tarif*'] },
    chance: { negative: 0.1, mixed: 0.12, positive: 0.05 },
    say: {
      en: {
        bad: ['Too expensive for what you get.', 'The price went up again without warning.', 'There are cheaper deals elsewhere.'],
        good: ['Decent value for money.', 'Fair price for a reliable line.'],
      },
      fr: {
        bad: ['Trop cher pour ce service.', 'Le prix a encore augmenté.'],
        good: ['Bon rapport qualité-prix.'],
      },
    },
  },
];

/** Sentences that mention no theme: a comment with nothing planted in it. */
const PLAIN: Record<Lang, Record<Tone, readonly string[]>> = {
  en: {
    negative: ['Not good enough.', 'Very disappointing.', 'Expected better from a big company.'],
    mixed: ['Could be better.', 'It does the job.', 'Average, nothing special.', 'Some good, some bad.'],
    positive: ['No complaints.', 'All good.', 'Happy with the service.', 'Nothing to add, it works.'],
  },
  fr: {
    negative: ['Très décevant.', 'Pas à la hauteur.'],
    mixed: ['Correct, sans plus.', 'Peut mieux faire.'],
    positive: ['Rien à signaler.', 'Très satisfait.'],
  },
};
const OPENERS: Record<Lang, Record<Tone, readonly string[]>> = {
  en: {
    negative: ['Disappointed.', 'Long-time customer here.', 'Third time writing this.'],
    mixed: ['Mixed experience.', 'To be fair,'],
    positive: ['Great experience.', 'Credit where it is due:'],
  },
  fr: { negative: ['Déçu.', 'Client depuis dix ans.'], mixed: ['Expérience mitigée.'], positive: ['Très bonne expérience.'] },
};
const CLOSERS: Record<Lang, Record<Tone, readonly string[]>> = {
  en: {
    negative: ['Please sort this out.', 'Thinking of switching.', 'Not acceptable.'],
    mixed: ['Room to improve.', 'Getting there.'],
    positive: ['Thanks!', 'Keep it up.', 'Well done.'],
  },
  fr: { negative: ["Je pense changer d'opérateur.", 'Inacceptable.'], mixed: ['Encore des efforts.'], positive: ['Merci !', "Bravo à l'équipe."] },
};
const TOWNS: Record<string, readonly string[]> = {
  North: ['Leeds', 'York', 'Sheffield'],
  South: ['Brighton', 'Southampton'],
  East: ['Norwich', 'Cambridge'],
  West: ['Bristol', 'Exeter'],
  Islands: ['Stornoway'],
};

/**
 * Contact details and names that customers sometimes write, planted in a few comments so the
 * published site proves they are removed. E-mails on reserved domains (RFC 2606), UK numbers
 * from Ofcom's drama ranges, a French one from ARCEP's fiction range; the names are listed in
 * the questionnaire's `redact:`.
 */
export const PLANTED_PII = {
  emails: ['j.morrow@example.com', 'aisha.patel@example.org', 'l.girard@example.net'],
  phones: ['07700 900461', '020 7946 0321', '+44 161 496 0753', '01 99 00 12 34'],
  names: ['Megan Hollis', 'Daniel Okafor'],
} as const;
const PII_SENTENCES: readonly { lang: Lang; text: string }[] = [
  { lang: 'en', text: `Email me at ${PLANTED_PII.emails[0]} if you need the reference.` },
  { lang: 'en', text: `Call me on ${PLANTED_PII.phones[0]}, I am in after 6.` },
  { lang: 'en', text: `My landline is ${PLANTED_PII.phones[1]} if that is easier.` },
  { lang: 'en', text: `${PLANTED_PII.names[0]} in the store went out of her way for me.` },
  { lang: 'en', text: `Reply to ${PLANTED_PII.emails[1]} or ring ${PLANTED_PII.phones[2]}.` },
  { lang: 'en', text: `This is ${PLANTED_PII.names[1]}, account holder, and I want an answer.` },
  { lang: 'fr', text: `Vous pouvez me joindre au ${PLANTED_PII.phones[3]} ou à ${PLANTED_PII.emails[2]}.` },
];

/** How many planted sentences each language has: the report's wave carries each once. */
export const PII_KINDS: Record<Lang, number> = {
  en: PII_SENTENCES.filter((s) => s.lang === 'en').length,
  fr: PII_SENTENCES.filter((s) => s.lang === 'fr').length,
};

/** The respondent a comment is written for: what shapes which themes it mentions. */
export interface Commenter {
  waveIndex: number;
  channel: string;
  region: string;
  overall: number | undefined;
  /** Latent reliability factor (low: faults come back). */
  reliability: number;
}

/** How the context shifts a theme's chance: waiting falls wave on wave, email has people repeat themselves, stores are kind. */
function multiplier(id: string, c: Commenter): number {
  const wave = c.waveIndex;
  switch (id) {
    case 'waiting':
      return [1.2, 0.85, 0.5][wave] * ({ phone: 1.25, email: 0.8, chat: 0.75, store: 0.6 }[c.channel] ?? 1);
    case 'callback':
      return [1, 0.9, 0.75][wave] * (c.channel === 'phone' ? 1.3 : 1);
    case 'repeat-fault':
      return c.reliability < -0.5 ? 1.4 : 1;
    case 'explain-again':
      return c.channel === 'email' ? 1.8 : 1;
    case 'staff':
      return c.channel === 'store' ? 1.5 : 1;
    case 'speed':
      return [0.75, 1, 1.35][wave] * (c.channel === 'chat' ? 1.25 : c.channel === 'email' ? 0.6 : 1);
    case 'app':
      return c.channel === 'chat' ? 1.6 : 1;
    default:
      return 1;
  }
}

export function toneOf(overall: number | undefined): Tone {
  return overall === undefined ? 'mixed' : overall <= 4 ? 'negative' : overall >= 6 ? 'positive' : 'mixed';
}

/** The language a commenter writes in: French for about one in nine, three in ten in the East. */
export function languageOf(cr: Rng, region: string): Lang {
  return cr.chance(region === 'East' ? 0.3 : 0.06) ? 'fr' : 'en';
}

function fill(cr: Rng, text: string, c: Commenter): string {
  return text
    .replace(/\{mins\}/g, () => String(cr.pick([15, 20, 25, 30, 40, 45, 50])))
    .replace(/\{hours\}/g, () => String(cr.pick([24, 48, 72])))
    .replace(/\{n\}/g, () => String(cr.int(3, 5)))
    .replace(/\{town\}/g, () => cr.pick(TOWNS[c.region] ?? ['the local']));
}

/** Lower-cases the first letter when a sentence follows an opener ending in a comma or colon. */
function join(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) {
    if (!out) out = p;
    else out += ' ' + (/[,:]$/.test(out) ? p.charAt(0).toLowerCase() + p.slice(1) : p);
  }
  return out;
}

/** A comment composed from the themes drawn for this commenter, in `lang`. */
export function composeComment(cr: Rng, c: Commenter, lang: Lang): string {
  const tone = toneOf(c.overall);
  const planted = THEMES.filter((t) => cr.chance(Math.min(0.95, t.chance[tone] * multiplier(t.id, c))));
  // A parent and its sub-theme in one comment read as one thing: keep the sub-theme.
  const kept = planted.filter((t) => !planted.some((s) => s.parent === t.id)).slice(0, 3);
  const order = kept.map((t) => ({ t, k: cr.next() })).sort((a, b) => a.k - b.k);
  const sentences = order.map(({ t }) => {
    const pool = t.say[lang];
    // A positive comment says the good side of a theme; a mixed one either; a negative one mostly the bad.
    const good = tone === 'positive' || (tone === 'mixed' ? cr.chance(0.4) : cr.chance(0.05));
    return fill(cr, cr.pick(good && pool.good.length ? pool.good : pool.bad), c);
  });
  if (!sentences.length) sentences.push(cr.pick(PLAIN[lang][tone]));
  const parts = [...sentences];
  if (cr.chance(0.2)) parts.unshift(cr.pick(OPENERS[lang][tone]));
  if (cr.chance(0.25)) parts.push(cr.pick(CLOSERS[lang][tone]));
  return join(parts);
}

/** A comment's text with a planted contact detail or name added, the `k`-th of PII_SENTENCES for its language. */
export function withPersonalData(comment: string, lang: Lang, k: number): string {
  const pool = PII_SENTENCES.filter((s) => s.lang === lang);
  return `${comment} ${pool[k % pool.length].text}`;
}

/** The `redact:` names of the questionnaire: those planted in comments. */
export const REDACT_NAMES: readonly string[] = PLANTED_PII.names;

/** themes.yaml: the codebook of the planted themes, labels in en, fr and vi, keywords in en and fr. */
export function buildThemes(): string {
  const q = (s: string) => (/^[\p{L}\p{N} ]+$/u.test(s) && !/^(?:yes|no|on|off|true|false|null)$/i.test(s) ? s : JSON.stringify(s));
  const list = (xs: readonly string[]) => `[${xs.map(q).join(', ')}]`;
  const lines = [
    '# Northwind Telecom — the codebook of comment themes (labels per locale, keywords per language).',
    '# Generated by scripts/generate-demo.ts; edit the generator, not this file.',
    '# Vietnamese customers are not surveyed, so there are no vi keywords; the labels serve the vi edition.',
    'themes:',
  ];
  for (const t of THEMES) {
    lines.push(`  - id: ${t.id}`);
    if (t.parent) lines.push(`    parent: ${t.parent}`);
    lines.push(`    label: { en: ${q(t.label.en)}, fr: ${q(t.label.fr)}, vi: ${q(t.label.vi)} }`);
    lines.push(`    keywords:`);
    lines.push(`      en: ${list(t.keywords.en)}`);
    lines.push(`      fr: ${list(t.keywords.fr)}`);
  }
  return lines.join('\n') + '\n';
}
