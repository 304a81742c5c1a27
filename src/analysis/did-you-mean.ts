/** "Did you mean …?": defined in src/schemas/did-you-mean.ts, which src/data may import too; re-exported for the analysis layer and its callers. */
export { closest, editDistance, nearest } from '../schemas/did-you-mean';
