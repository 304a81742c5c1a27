import type { Locale } from '../../schemas/questionnaire';
import { fillTemplate, strings } from '../../i18n';
import { DIMENSIONS } from '../../schemas/figures';
import type { DotStripSummaryLabels } from '../../charts/dot-strip';

/**
 * The words of the entity pages, league table, dispersion strip and consistency section
 * (issue 15), one block per locale with the same {placeholders} (test/entities/strings.test.ts).
 * Kept beside the components while the locale files are edited by others; a later move into
 * src/i18n/locales/<code>.ts is mechanical (same keys).
 */
export interface EntityStrings {
  /** Breadcrumb trail's label. */
  breadcrumbs: string;
  /** The sentence a withheld entity's page shows instead of any figure. */
  withheldPage: string;
  /** A withheld entity in the league table and the index. */
  withheldRow: string;
  leagueCaption: string;
  rank: string;
  base: string;
  vsRest: string;
  better: string;
  worse: string;
  same: string;
  leagueNote: string;
  dispersionTitle: string;
  dispersionDescription: string;
  dispersionCaption: string;
  dispersionColumns: [string, string, string];
  thisEntity: string;
  consistencyHeading: string;
  consistencyCaption: string;
  consistencyColumns: [string, string, string, string, string, string, string];
  consistencyLead: string;
  belowNone: string;
  method: string;
  entitiesHeading: string;
  /** <Dispersion> on an entity page among many siblings (the summary form of src/charts/dot-strip.ts). */
  summary: DotStripSummaryLabels;
  /** Below a chart or table of an entity page: the link to the parent's full list. */
  dispersionMore: string;
  /** <Consistency/> on an entity page: this entity's row per figure. */
  entityConsistencyCaption: string;
  entityConsistencyColumns: [string, string, string, string, string, string, string];
  rankOf: string;
  withinChance: string;
  untested: string;
  entityBelow: string;
  entityBelowNone: string;
  consistencyMore: string;
  /** A league table row on an entity page standing for the entities left out there. */
  leagueGap: string;
}

const en: EntityStrings = {
  breadcrumbs: 'Breadcrumbs',
  withheldPage:
    'Fewer than {min} respondents answered for this {per} in {wave}. To protect them, this page publishes no figure of it, and the figures of other {per}s that would let it be worked out are withheld too.',
  withheldRow: 'withheld (fewer than {min} respondents)',
  leagueCaption: '{per}s ranked by {metric}, {wave}',
  rank: 'Rank',
  base: 'n',
  vsRest: '{metric} vs the rest',
  better: 'above the rest',
  worse: 'below the rest',
  same: '—',
  leagueNote: '“Above / below the rest”: significantly different from every other respondent of the wave (Holm-adjusted p < 0.05).',
  dispersionTitle: '{metric} across {count} {per}s',
  dispersionDescription: '{metric} ranges from {min} ({worst}) to {max} ({best}); the middle half lies between {q1} and {q3} (median {median}).',
  dispersionCaption: '{metric} by {per}',
  dispersionColumns: ['{per}', 'n', '{metric}'],
  thisEntity: 'this {per}',
  consistencyHeading: 'Consistency across {per}s',
  consistencyCaption: 'How much each figure varies between {per}s, most varied first',
  consistencyColumns: ['Figure', '{per}s', 'Median', 'Middle half (IQR)', 'Range', 'Best', 'Significantly below the rest'],
  consistencyLead: '{metric} varies most: {count} of {total} {per}s differ significantly from the rest of the wave.',
  belowNone: 'none',
  method:
    'Each {per} is compared with every other respondent of the wave by the tests used for changes between waves (NPS z-test, two-proportion z-test, Welch’s t-test); the p-values of each figure are adjusted by Holm’s method over the {per}s tested, and a difference is significant at adjusted p < 0.05. Ranks and percentiles (mid-ranks) count published {per}s only. Any {per} under {min} respondents is withheld whole, and so is any figure of another {per} that would let it be derived from the total.',
  entitiesHeading: 'Every {per}',
  summary: {
    own: 'This {per}: {value}, rank {rank} of {of}.',
    ownWithheld: 'This {per}’s {metric} is withheld, so it is not placed among them.',
    mark: 'this {per}: {value} · rank {rank} of {of}',
    caption: '{metric} across {count} {per}s: summary and distribution',
    columns: ['Statistic', 'Value'],
    lowest: 'Lowest ({name})',
    q1: 'Lower quartile',
    median: 'Median',
    q3: 'Upper quartile',
    highest: 'Highest ({name})',
    ownRow: 'This {per} (rank {rank} of {of})',
    bin: '{per}s from {from} to below {to}',
    lastBin: '{per}s from {from} to {to}',
  },
  dispersionMore: 'Every {per}’s {metric}, ranked: the league table',
  entityConsistencyCaption: 'This {per}’s figures in the spread of every {per}’s, most varied first',
  entityConsistencyColumns: ['Figure', 'This {per}', 'Rank', 'Against the rest', 'Median', 'Middle half (IQR)', 'Range'],
  rankOf: '{rank} of {of}',
  withinChance: 'not significantly different',
  untested: 'not tested',
  entityBelow: 'This {per} is significantly below the rest of the wave on {list}.',
  entityBelowNone: 'This {per} is not significantly below the rest of the wave on any figure.',
  consistencyMore: 'Every {per} below the rest, and the best on each figure: the report’s consistency table',
  leagueGap: '… {count} more {per}s (every one in the full table)',
};

const fr: EntityStrings = {
  breadcrumbs: 'Fil d’Ariane',
  withheldPage:
    'Moins de {min} personnes ont répondu pour ce {per} en {wave}. Pour les protéger, cette page ne publie aucun de ses chiffres, et les chiffres d’autres {per} qui permettraient de les déduire sont aussi retenus.',
  withheldRow: 'retenu (moins de {min} répondants)',
  leagueCaption: 'Classement des {per} par {metric}, {wave}',
  rank: 'Rang',
  base: 'n',
  vsRest: '{metric} face au reste',
  better: 'au-dessus du reste',
  worse: 'en dessous du reste',
  same: '—',
  leagueNote: '« Au-dessus / en dessous du reste » : différence significative avec tous les autres répondants de la vague (p ajusté par Holm < 0,05).',
  dispersionTitle: '{metric} sur {count} {per}',
  dispersionDescription: '{metric} va de {min} ({worst}) à {max} ({best}) ; la moitié centrale se situe entre {q1} et {q3} (médiane {median}).',
  dispersionCaption: '{metric} par {per}',
  dispersionColumns: ['{per}', 'n', '{metric}'],
  thisEntity: 'ce {per}',
  consistencyHeading: 'Homogénéité entre {per}',
  consistencyCaption: 'Variation de chaque indicateur entre {per}, du plus variable au moins variable',
  consistencyColumns: ['Indicateur', '{per}', 'Médiane', 'Moitié centrale (IQR)', 'Étendue', 'Meilleur', 'Significativement en dessous du reste'],
  consistencyLead: '{metric} varie le plus : {count} {per} sur {total} diffèrent significativement du reste de la vague.',
  belowNone: 'aucun',
  method:
    'Chaque {per} est comparé à tous les autres répondants de la vague par les tests des évolutions entre vagues (test z du NPS, test z de deux proportions, test t de Welch) ; les p de chaque indicateur sont ajustés par la méthode de Holm sur les {per} testés, et une différence est significative si le p ajusté < 0,05. Rangs et centiles (rangs moyens) ne comptent que les {per} publiés. Un {per} de moins de {min} répondants est entièrement retenu, ainsi que tout chiffre d’un autre {per} qui permettrait de le déduire du total.',
  entitiesHeading: 'Tous les {per}',
  summary: {
    own: 'Ce {per} : {value}, rang {rank} sur {of}.',
    ownWithheld: 'L’indicateur {metric} de ce {per} est retenu : il n’est pas placé parmi eux.',
    mark: 'ce {per} : {value} · rang {rank} sur {of}',
    caption: '{metric} sur {count} {per} : résumé et distribution',
    columns: ['Statistique', 'Valeur'],
    lowest: 'Minimum ({name})',
    q1: 'Premier quartile',
    median: 'Médiane',
    q3: 'Troisième quartile',
    highest: 'Maximum ({name})',
    ownRow: 'Ce {per} (rang {rank} sur {of})',
    bin: '{per} de {from} à moins de {to}',
    lastBin: '{per} de {from} à {to}',
  },
  dispersionMore: '{metric} de chaque {per}, classé : le tableau de classement',
  entityConsistencyCaption: 'Les indicateurs de ce {per} dans la dispersion de tous les {per}, du plus variable au moins variable',
  entityConsistencyColumns: ['Indicateur', 'Ce {per}', 'Rang', 'Face au reste', 'Médiane', 'Moitié centrale (IQR)', 'Étendue'],
  rankOf: '{rank} sur {of}',
  withinChance: 'pas de différence significative',
  untested: 'non testé',
  entityBelow: 'Ce {per} est significativement en dessous du reste de la vague pour : {list}.',
  entityBelowNone: 'Ce {per} n’est significativement en dessous du reste de la vague pour aucun indicateur.',
  consistencyMore: 'Les {per} en dessous du reste et le meilleur de chaque indicateur : le tableau d’homogénéité du rapport',
  leagueGap: '… {count} autres {per} (tous dans le tableau complet)',
};

const vi: EntityStrings = {
  breadcrumbs: 'Đường dẫn',
  withheldPage:
    'Có ít hơn {min} người trả lời cho {per} này trong {wave}. Để bảo vệ họ, trang này không công bố số liệu nào của {per} này, và các số liệu của {per} khác có thể dùng để suy ra cũng được giữ lại.',
  withheldRow: 'giữ lại (ít hơn {min} người trả lời)',
  leagueCaption: 'Xếp hạng {per} theo {metric}, {wave}',
  rank: 'Hạng',
  base: 'n',
  vsRest: '{metric} so với phần còn lại',
  better: 'cao hơn phần còn lại',
  worse: 'thấp hơn phần còn lại',
  same: '—',
  leagueNote: '“Cao hơn / thấp hơn phần còn lại”: khác biệt có ý nghĩa so với mọi người trả lời khác của đợt (p hiệu chỉnh Holm < 0,05).',
  dispersionTitle: '{metric} trên {count} {per}',
  dispersionDescription: '{metric} từ {min} ({worst}) đến {max} ({best}); một nửa ở giữa nằm trong khoảng {q1} đến {q3} (trung vị {median}).',
  dispersionCaption: '{metric} theo {per}',
  dispersionColumns: ['{per}', 'n', '{metric}'],
  thisEntity: '{per} này',
  consistencyHeading: 'Mức đồng đều giữa các {per}',
  consistencyCaption: 'Mức biến động của từng chỉ số giữa các {per}, biến động nhất trước',
  consistencyColumns: ['Chỉ số', '{per}', 'Trung vị', 'Nửa giữa (IQR)', 'Khoảng', 'Tốt nhất', 'Thấp hơn đáng kể so với phần còn lại'],
  consistencyLead: '{metric} biến động nhiều nhất: {count} trên {total} {per} khác biệt có ý nghĩa so với phần còn lại của đợt.',
  belowNone: 'không có',
  method:
    'Mỗi {per} được so sánh với mọi người trả lời khác của đợt bằng các kiểm định dùng cho thay đổi giữa các đợt (kiểm định z của NPS, kiểm định z hai tỷ lệ, kiểm định t của Welch); giá trị p của từng chỉ số được hiệu chỉnh theo phương pháp Holm trên các {per} được kiểm định, và khác biệt có ý nghĩa khi p hiệu chỉnh < 0,05. Hạng và bách phân vị (hạng trung bình) chỉ tính các {per} được công bố. Một {per} có ít hơn {min} người trả lời bị giữ lại toàn bộ, cùng mọi số liệu của {per} khác có thể dùng để suy ra nó từ tổng.',
  entitiesHeading: 'Tất cả {per}',
  summary: {
    own: '{per} này: {value}, hạng {rank} trên {of}.',
    ownWithheld: '{metric} của {per} này được giữ lại nên không được đặt vào phân bố.',
    mark: '{per} này: {value} · hạng {rank} trên {of}',
    caption: '{metric} trên {count} {per}: tóm tắt và phân bố',
    columns: ['Thống kê', 'Giá trị'],
    lowest: 'Thấp nhất ({name})',
    q1: 'Tứ phân vị dưới',
    median: 'Trung vị',
    q3: 'Tứ phân vị trên',
    highest: 'Cao nhất ({name})',
    ownRow: '{per} này (hạng {rank} trên {of})',
    bin: '{per} từ {from} đến dưới {to}',
    lastBin: '{per} từ {from} đến {to}',
  },
  dispersionMore: '{metric} của mọi {per}, xếp hạng: bảng xếp hạng',
  entityConsistencyCaption: 'Các chỉ số của {per} này trong phân tán của mọi {per}, biến động nhất trước',
  entityConsistencyColumns: ['Chỉ số', '{per} này', 'Hạng', 'So với phần còn lại', 'Trung vị', 'Nửa giữa (IQR)', 'Khoảng'],
  rankOf: '{rank} trên {of}',
  withinChance: 'không khác biệt có ý nghĩa',
  untested: 'không kiểm định',
  entityBelow: '{per} này thấp hơn đáng kể so với phần còn lại của đợt về: {list}.',
  entityBelowNone: '{per} này không thấp hơn đáng kể so với phần còn lại của đợt về chỉ số nào.',
  consistencyMore: 'Các {per} thấp hơn phần còn lại và {per} tốt nhất của từng chỉ số: bảng mức đồng đều của báo cáo',
  leagueGap: '… {count} {per} khác (tất cả trong bảng đầy đủ)',
};

export const ENTITY_STRINGS: Record<Locale, EntityStrings> = { en, fr, vi };

export function entityStrings(locale: Locale): EntityStrings {
  return ENTITY_STRINGS[locale] ?? en;
}

/** The reader's name of a consistency metric key: NPS, CSAT, …, or "Reliability gap (P−E)". */
export function metricLabel(locale: Locale, key: string): string {
  const t = strings(locale);
  if ((DIMENSIONS as readonly string[]).includes(key)) return fillTemplate(t.dimensionGap, { dimension: t.dimension[key as (typeof DIMENSIONS)[number]] });
  return t.shortMetrics[key as keyof typeof t.shortMetrics] ?? key;
}
