/** Shapes of the vendor API's answers, as the screens use them. */
import type { RouterOutputs } from '../../lib/trpc.ts';

export type VendorList = RouterOutputs['vendors']['list'];
export type VendorListRow = VendorList['rows'][number];
export type VendorDetail = RouterOutputs['vendors']['get'];
