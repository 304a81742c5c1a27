/** Mots choisis par les chiffres (sens de chaque clé : src/i18n/schema-words.ts). « Norme » est féminin, « écart » masculin. */
// Not typed by the schema here (that import would close a cycle through schemas/questionnaire.ts): src/i18n/schema.ts checks it.
export const words = {
  status: { met: 'atteint', atRisk: 'menacé', missed: 'manqué', notMeasured: 'non mesuré' },
  count: {
    met: { zero: 'aucune des {total} normes n’est atteinte', one: '{n} des {total} normes est atteinte', other: '{n} des {total} normes sont atteintes' },
    atRisk: { zero: 'aucune des {total} normes n’est menacée', one: '{n} des {total} normes est menacée', other: '{n} des {total} normes sont menacées' },
    missed: { zero: 'aucune des {total} normes n’est manquée', one: '{n} des {total} normes est manquée', other: '{n} des {total} normes sont manquées' },
    notMeasured: {
      zero: 'aucune des {total} normes n’est non mesurée',
      one: '{n} des {total} normes n’est pas mesurée',
      other: '{n} des {total} normes ne sont pas mesurées',
    },
  },
  numbers: {
    standards: ['zéro', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'],
    gaps: ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'],
  },
  change: {
    roseSignificantly: 'a augmenté significativement',
    fellSignificantly: 'a baissé significativement',
    roseNotSignificantly: 'a augmenté, sans que ce soit significatif',
    fellNotSignificantly: 'a baissé, sans que ce soit significatif',
    unchanged: 'n’a pas changé',
    significant: 'est statistiquement significative',
    withinMargin: 'reste dans la marge d’erreur',
  },
  compare: {
    below: '{v} sous la médiane du secteur {industry}',
    above: '{v} au-dessus de la médiane du secteur {industry}',
    level: 'au niveau de la médiane du secteur {industry}',
  },
  npsPoints: '{v} points',
  rank: { widest: 'le plus large des {n} écarts', narrowest: 'le plus étroit des {n} écarts' },
};
