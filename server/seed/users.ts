/**
 * Staff accounts of the demo. No passwords: sign-in is set up separately,
 * and a seeded secret would be the same on every installation.
 */
import type { StaffRole } from '#shared/statuses.ts';

export const STAFF_USERS = [
  { id: 'user-ines', name: 'Ines Marchetti', email: 'ines.marchetti@tollgate.example', role: 'admin' },
  { id: 'user-ana', name: 'Ana Kovalenko', email: 'ana.kovalenko@tollgate.example', role: 'procurement' },
  { id: 'user-tomas', name: 'Tomas Whitlock', email: 'tomas.whitlock@tollgate.example', role: 'procurement' },
  { id: 'user-priya', name: 'Priya Raman', email: 'priya.raman@tollgate.example', role: 'ciso' },
  { id: 'user-olu', name: 'Olu Adebayo', email: 'olu.adebayo@tollgate.example', role: 'auditor' },
] as const satisfies readonly { id: string; name: string; email: string; role: StaffRole }[];

/** The demo's organisation, as its vendors read it; procurement answers their questions. */
export const DEMO_ORGANISATION = {
  name: 'Demo Airline',
  vendorContact: { name: 'Ana Kovalenko', email: 'ana.kovalenko@tollgate.example' },
};

export type StaffUserId = (typeof STAFF_USERS)[number]['id'];

export function staffUser(id: StaffUserId) {
  const user = STAFF_USERS.find((u) => u.id === id);
  if (!user) throw new Error(`Unknown staff user ${id}`);
  return user;
}
