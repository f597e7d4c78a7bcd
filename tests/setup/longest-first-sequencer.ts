import { BaseSequencer, type TestSpecification } from "vitest/node";

// Files that take far longer than the rest (idle, two workers: the lifecycle
// model test about 85 s, the expiry sweep's 21 s, the request limits' 11 s;
// the median file takes under 3 s). Vitest orders a fresh clone's files by
// size, so the model test, a small file driving a big folder, used to start
// last and run alone on one worker while the other sat idle: 159 s for
// 107 s of work per worker. Started first, the long files overlap the rest.
const LONGEST_FIRST = [/\.model\.integration-test\.ts$/, /\/expiry\.integration-test\.ts$/, /\/request-limits\.integration-test\.ts$/];

const rank = (spec: TestSpecification) => {
  const index = LONGEST_FIRST.findIndex((pattern) => pattern.test(spec.moduleId));
  return index === -1 ? LONGEST_FIRST.length : index;
};

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: the rest keep vitest's own order.
    return sorted.sort((a, b) => (a.project.name === b.project.name ? rank(a) - rank(b) : 0));
  }
}
