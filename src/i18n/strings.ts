import type { Locale } from '../schemas/questionnaire';

/** UI strings of the site, per locale. Charts take their own labels from here too. */
export const STRINGS = {
  en: {
    reports: 'Reports',
    report: 'Report',
    company: 'Company',
    period: 'Period',
    wave: 'Wave',
    headlineNps: 'NPS',
    suppressed: 'suppressed (base under {min})',
    notMeasured: 'not measured',
    lowBase: 'low base (n < {low})',
    dataAsOf: 'Data as of {date}',
    base: 'base',
    figuresJson: 'Figures (JSON)',
    figuresCsv: 'Figures (CSV)',
    downloads: 'Downloads',
    dataTable: 'Data table',
    skip: 'Skip to the report',
    dimension: { tangibles: 'Tangibles', reliability: 'Reliability', responsiveness: 'Responsiveness', assurance: 'Assurance', empathy: 'Empathy' },
    noReports: 'No reports yet. Create one with npx gapreport new <report-id>.',
  },
  fr: {
    reports: 'Rapports',
    report: 'Rapport',
    company: 'Entreprise',
    period: 'Période',
    wave: 'Vague',
    headlineNps: 'NPS',
    suppressed: 'masqué (base inférieure à {min})',
    notMeasured: 'non mesuré',
    lowBase: 'base faible (n < {low})',
    dataAsOf: 'Données au {date}',
    base: 'base',
    figuresJson: 'Chiffres (JSON)',
    figuresCsv: 'Chiffres (CSV)',
    downloads: 'Téléchargements',
    dataTable: 'Tableau de données',
    skip: 'Aller au rapport',
    dimension: { tangibles: 'Tangibilité', reliability: 'Fiabilité', responsiveness: 'Réactivité', assurance: 'Assurance', empathy: 'Empathie' },
    noReports: 'Aucun rapport. Créez-en un avec npx gapreport new <id>.',
  },
  vi: {
    reports: 'Báo cáo',
    report: 'Báo cáo',
    company: 'Công ty',
    period: 'Kỳ',
    wave: 'Đợt khảo sát',
    headlineNps: 'NPS',
    suppressed: 'ẩn (cỡ mẫu dưới {min})',
    notMeasured: 'chưa đo',
    lowBase: 'cỡ mẫu nhỏ (n < {low})',
    dataAsOf: 'Dữ liệu tính đến {date}',
    base: 'cỡ mẫu',
    figuresJson: 'Số liệu (JSON)',
    figuresCsv: 'Số liệu (CSV)',
    downloads: 'Tải xuống',
    dataTable: 'Bảng dữ liệu',
    skip: 'Đến báo cáo',
    dimension: { tangibles: 'Phương tiện hữu hình', reliability: 'Độ tin cậy', responsiveness: 'Khả năng đáp ứng', assurance: 'Sự đảm bảo', empathy: 'Sự đồng cảm' },
    noReports: 'Chưa có báo cáo. Tạo bằng npx gapreport new <id>.',
  },
} satisfies Record<Locale, unknown>;

export type Strings = (typeof STRINGS)['en'];

export function strings(locale: Locale): Strings {
  return STRINGS[locale] ?? STRINGS.en;
}

export function fillTemplate(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
