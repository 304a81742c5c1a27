import type { ReportContext } from '../../build/context';
import { fillTemplate } from '../../i18n';

/**
 * The one sentence a survey chart shows instead of itself when the dataset has no survey
 * response at all (no wave): drawn, it would be empty axes ("NPS by channel" over 0.0…+1.0),
 * which reads as a broken chart rather than as "no data yet". Undefined once there is data.
 */
export function noResponses(ctx: ReportContext): string | undefined {
  if (ctx.figures.meta.waves.length > 0) return undefined;
  return fillTemplate(ctx.t.noResponses, { file: `data/${ctx.settings.dataset}/responses.csv` });
}
