import { VendorIdInput, VendorListInput } from '../../shared/schemas/vendors.ts';
import { getVendorDetail } from './vendorDetail.ts';
import { listVendors } from './vendorList.ts';
import { readProcedure, router } from '../platform/trpc.ts';

export const vendorsRouter = router({
  list: readProcedure.input(VendorListInput).query(({ ctx, input }) => listVendors(ctx.db, input, ctx.now())),
  get: readProcedure.input(VendorIdInput).query(({ ctx, input }) => getVendorDetail(ctx.db, input.id, ctx.now())),
});
