/**
 * The order files start in, for two workers on two cores: the files that need their own process
 * first, the heaviest (site builds, browsers, the linters) at the front, so no long file starts last
 * and leaves a core idle at the end; then the pure module tests, which share workers (isolate: false)
 * and fill the gaps. Within each part Vitest's own order decides (failed first, then longest by
 * its cache of earlier runs, else largest file).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { weight } from './files';

export default class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const rank = new Map(base.map((spec, i) => [spec, i]));
    const own = (spec: TestSpecification) => spec.project.config.isolate !== false;
    const weights = new Map(base.map((spec) => [spec, own(spec) ? weight(spec.moduleId) : 0]));
    return base.sort((a, b) => Number(own(b)) - Number(own(a)) || weights.get(b)! - weights.get(a)! || rank.get(a)! - rank.get(b)!);
  }
}
