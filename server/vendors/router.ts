/**
 * The vendors module's procedures: the vendor list and a vendor's page for
 * every staff role; changing the inventory (vendors, the data they hold,
 * contacts, sub-processors, integrations, CSV imports) for procurement and
 * administrators.
 */
import {
  CreateContactInput,
  CreateIntegrationInput,
  CreateSubProcessorInput,
  CreateVendorInput,
  DeleteHoldingInput,
  ImportInput,
  SetTierOverrideInput,
  UpdateContactInput,
  UpdateIntegrationInput,
  UpdateSubProcessorInput,
  UpdateVendorInput,
  UpsertHoldingInput,
  VendorRecordInput,
} from '#shared/schemas/inventory.ts';
import { VendorIdInput, VendorListInput } from '#shared/schemas/vendors.ts';
import { getVendorDetail } from './vendorDetail.ts';
import { listVendors } from './vendorList.ts';
import { commitImportInWorker, previewImportInWorker } from './imports/jobs.ts';
import { deleteHolding, upsertHolding } from './holdings.ts';
import {
  createContact,
  createIntegration,
  createSubProcessor,
  deleteContact,
  deleteIntegration,
  deleteSubProcessor,
  updateContact,
  updateIntegration,
  updateSubProcessor,
} from './related.ts';
import { createVendor, setTierOverride, setVendorArchived, updateVendor } from './vendorRecords.ts';
import { procurementProcedure, readProcedure, router } from '../platform/trpc.ts';

export const vendorsRouter = router({
  list: readProcedure.input(VendorListInput).query(({ ctx, input }) => listVendors(ctx.db, input, ctx.now())),
  get: readProcedure.input(VendorIdInput).query(({ ctx, input }) => getVendorDetail(ctx.db, input.id, ctx.now())),

  create: procurementProcedure.input(CreateVendorInput).mutation(({ ctx, input }) => createVendor(ctx.service, input)),
  /** Changes only the fields given; null clears an optional one. */
  update: procurementProcedure.input(UpdateVendorInput).mutation(({ ctx, input }) => updateVendor(ctx.service, input)),
  archive: procurementProcedure.input(VendorIdInput).mutation(({ ctx, input }) => setVendorArchived(ctx.service, input.id, true)),
  restore: procurementProcedure.input(VendorIdInput).mutation(({ ctx, input }) => setVendorArchived(ctx.service, input.id, false)),
  setTierOverride: procurementProcedure.input(SetTierOverrideInput).mutation(({ ctx, input }) => setTierOverride(ctx.service, input)),

  /** Each answers with the vendor's fresh risk summary. */
  upsertHolding: procurementProcedure.input(UpsertHoldingInput).mutation(({ ctx, input }) => upsertHolding(ctx.service, input)),
  deleteHolding: procurementProcedure.input(DeleteHoldingInput).mutation(({ ctx, input }) => deleteHolding(ctx.service, input.id)),

  createContact: procurementProcedure.input(CreateContactInput).mutation(({ ctx, input }) => createContact(ctx.service, input)),
  updateContact: procurementProcedure.input(UpdateContactInput).mutation(({ ctx, input }) => updateContact(ctx.service, input)),
  deleteContact: procurementProcedure.input(VendorRecordInput).mutation(({ ctx, input }) => deleteContact(ctx.service, input)),
  createSubProcessor: procurementProcedure.input(CreateSubProcessorInput).mutation(({ ctx, input }) => createSubProcessor(ctx.service, input)),
  updateSubProcessor: procurementProcedure.input(UpdateSubProcessorInput).mutation(({ ctx, input }) => updateSubProcessor(ctx.service, input)),
  deleteSubProcessor: procurementProcedure.input(VendorRecordInput).mutation(({ ctx, input }) => deleteSubProcessor(ctx.service, input)),
  createIntegration: procurementProcedure.input(CreateIntegrationInput).mutation(({ ctx, input }) => createIntegration(ctx.service, input)),
  updateIntegration: procurementProcedure.input(UpdateIntegrationInput).mutation(({ ctx, input }) => updateIntegration(ctx.service, input)),
  deleteIntegration: procurementProcedure.input(VendorRecordInput).mutation(({ ctx, input }) => deleteIntegration(ctx.service, input)),

  /** A mutation only because the file travels in the request body; it writes nothing. Runs in the import worker. */
  previewImport: procurementProcedure.input(ImportInput).mutation(({ ctx, input }) => previewImportInWorker(ctx.db, input)),
  /** All rows in one short transaction, or nothing when any row has an error. Planned in the import worker. */
  commitImport: procurementProcedure.input(ImportInput).mutation(({ ctx, input }) => commitImportInWorker(ctx.service, input)),
});
