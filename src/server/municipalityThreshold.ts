/** A municipality's anonymity threshold, as the rule in src/shared/anonymity.ts lets it be. */
import { effectiveThreshold } from '../shared/anonymity.ts';
import type { AppContext } from './context.ts';

export async function municipalityThreshold(ctx: AppContext, municipalityId: number): Promise<number> {
  const row = await ctx.db.kysely.selectFrom('municipalities').select('anonymity_threshold').where('id', '=', municipalityId).executeTakeFirstOrThrow();
  return effectiveThreshold(row.anonymity_threshold);
}
