/** English words chosen by the figures (meaning of each key: src/i18n/schema-words.ts). */
// Not typed by the schema here (that import would close a cycle through schemas/questionnaire.ts): src/i18n/schema.ts checks it.
export const words = {
  status: { met: 'met', atRisk: 'at risk', missed: 'missed', notMeasured: 'not measured' },
  count: {
    met: { zero: 'none of the {total} standards is met', one: '{n} of the {total} standards is met', other: '{n} of the {total} standards are met' },
    atRisk: {
      zero: 'none of the {total} standards is at risk',
      one: '{n} of the {total} standards is at risk',
      other: '{n} of the {total} standards are at risk',
    },
    missed: {
      zero: 'none of the {total} standards is missed',
      one: '{n} of the {total} standards is missed',
      other: '{n} of the {total} standards are missed',
    },
    notMeasured: {
      zero: 'none of the {total} standards is unmeasured',
      one: '{n} of the {total} standards is not measured',
      other: '{n} of the {total} standards are not measured',
    },
  },
  numbers: {
    standards: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
    gaps: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  },
  change: {
    roseSignificantly: 'rose significantly',
    fellSignificantly: 'fell significantly',
    roseNotSignificantly: 'rose, not significantly',
    fellNotSignificantly: 'fell, not significantly',
    unchanged: 'did not change',
    significant: 'is statistically significant',
    withinMargin: 'is within the margin of error',
  },
  compare: { below: '{v} below the {industry} median', above: '{v} above the {industry} median', level: 'level with the {industry} median' },
  npsPoints: '{v} points',
  rank: { widest: 'the widest of the {n} gaps', narrowest: 'the narrowest of the {n} gaps' },
};
