import { VendorIdInput, VendorListInput } from '../../shared/schemas/vendors.ts';
import { getVendorDetail } from '../services/vendorDetail.ts';
import { listVendors } from '../services/vendors.ts';
import { readProcedure, router } from '../trpc.ts';

export const vendorsRouter = router({
  list: readProcedure.input(VendorListInput).query(({ ctx, input }) => listVendors(ctx.db, input, ctx.now())),
  get: readProcedure.input(VendorIdInput).query(({ ctx, input }) => getVendorDetail(ctx.db, input.id, ctx.now())),
});
