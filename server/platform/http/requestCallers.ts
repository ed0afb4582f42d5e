/**
 * Who a request comes from, worked out at most once per request and only
 * for the kind of session it carries: the rate limit's key (first, in
 * onRequest), the routes' access check and the tRPC context all ask, and
 * all get the same answer from one lookup.
 *
 * The rate limit is a budget per caller: per staff session for a signed-in
 * person, per link session for a vendor, and per client address only for
 * requests with neither (a whole office behind one NAT address must not
 * share one budget). Only a session that checks out names a budget: a
 * made-up or ended cookie counts against its address, so inventing
 * cookies buys no new budget.
 */
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { LinkRefusal, LinkScope, StaffSession } from '../callers.ts';

export interface LinkAccess {
  scope: LinkScope | null;
  refusal: LinkRefusal | null;
}

export interface RequestCallers {
  staffOf: (request: FastifyRequest) => Promise<StaffSession | null>;
  linkOf: (request: FastifyRequest) => LinkAccess;
  /** The rate limit's key for this request. */
  budgetKey: (request: FastifyRequest) => Promise<string>;
}

export function requestCallers(resolve: { staffOf: (request: FastifyRequest) => Promise<StaffSession | null>; linkOf: (request: FastifyRequest) => LinkAccess }): RequestCallers {
  const staff = new WeakMap<FastifyRequest, Promise<StaffSession | null>>();
  const link = new WeakMap<FastifyRequest, LinkAccess>();
  const staffOf = (request: FastifyRequest) => {
    let found = staff.get(request);
    if (!found) {
      found = resolve.staffOf(request);
      staff.set(request, found);
    }
    return found;
  };
  const linkOf = (request: FastifyRequest) => {
    let found = link.get(request);
    if (!found) {
      found = resolve.linkOf(request);
      link.set(request, found);
    }
    return found;
  };
  const budgetKey = async (request: FastifyRequest) => {
    try {
      const person = await staffOf(request);
      if (person) return `staff:${person.sessionId}`;
      const vendor = linkOf(request).scope;
      if (vendor?.sessionId) return `link:${vendor.sessionId}`;
    } catch {
      // A session that cannot be looked up names no budget; the address's applies, and the route answers the error.
    }
    return addressBudget(request);
  };
  return { staffOf, linkOf, budgetKey };
}

/** The budget of a client address, as the rate-limit plugin keys one (an IPv6 client's whole /56 counts as one address). */
export const addressBudget = (request: FastifyRequest): string => `ip:${normalizeIP(request.ip)}`;
