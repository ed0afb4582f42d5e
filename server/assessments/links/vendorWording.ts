/** How emails to vendors name who is asking and whom to ask, from the organisation's settings. */
import type { OrganisationSettings } from '../../platform/settings.ts';

/** "Priya Raman of Demo Airline", or the person alone while the organisation has no name. */
export function askerOf(personName: string, organisation: OrganisationSettings): string {
  return organisation.name ? `${personName} of ${organisation.name}` : personName;
}

/** A closing line naming the organisation's contact for vendors, or nothing when none is set. */
export function vendorContactLine(organisation: OrganisationSettings): string {
  const contact = organisation.vendorContact;
  return contact ? `\n\nQuestions about it? Contact ${contact.name} at ${contact.email}.` : '';
}
