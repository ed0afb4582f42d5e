/**
 * The demo portfolio of an airline-like company, in the order vendors are
 * grouped. Ids follow the order vendors were added in the simulated past.
 * Names and domains are invented.
 */
import type { SeedVendor } from '../types.ts';
import { bluefinch, inkwell, lumenfold, meridian, skylounge, tessera } from './commercial.ts';
import { aegis, ashdown, brightwing, crewline, ledgerleaf, stratocumulus, verity } from './corporate.ts';
import { beacon, harbourline, parley, polyglot, quorra, relaywave } from './customerService.ts';
import { aerofuel, compass, galley, lastleg, littleFlyers, tarmac, visage } from './operations.ts';

export const DEMO_PORTFOLIO: readonly SeedVendor[] = [
  harbourline,
  parley,
  beacon,
  relaywave,
  quorra,
  polyglot,
  bluefinch,
  meridian,
  skylounge,
  tessera,
  inkwell,
  lumenfold,
  compass,
  tarmac,
  lastleg,
  visage,
  littleFlyers,
  aerofuel,
  galley,
  stratocumulus,
  ledgerleaf,
  verity,
  ashdown,
  crewline,
  brightwing,
  aegis,
];
