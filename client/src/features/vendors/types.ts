/** Shapes of the vendor API's answers, as the screens use them. */
import type { RouterOutputs } from '../../lib/trpc.ts';

export type VendorList = RouterOutputs['vendors']['list'];
export type VendorListRow = VendorList['rows'][number];
export type VendorDetail = RouterOutputs['vendors']['get'];
export type Holding = VendorDetail['holdings'][number];
/** The vendor's inherent position as the inventory editors answer it after a change. */
export type SavedRisk = RouterOutputs['vendors']['upsertHolding']['risk'];
