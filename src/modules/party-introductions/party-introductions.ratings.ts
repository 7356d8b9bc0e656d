import type { DbOrTx } from '../../db/client.js';
import type { LatestRating } from '../../domain/workflows/party-introduction.js';

/**
 * The member's latest yearly rating, for the Party introduction criteria. Member ratings arrive with the
 * ratings module (a later issue): until then there is none and the check warns "chưa có kết quả xếp loại".
 * Replace the body with a read of the ratings table; the callers and the rule stay as they are.
 */
export async function latestRatingOf(_db: DbOrTx, _memberId: string): Promise<LatestRating | null> {
  return null;
}
