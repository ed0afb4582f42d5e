/**
 * The production entry point (`node server/main.ts`). Two things happen
 * before anything else is imported (docs/decisions/0031-start-up-memory.md):
 *
 *   - V8's young generation is kept at its starting size. By default it
 *     doubles whenever much survives a collection, up to 128 MB on a machine
 *     with this much memory, and a server's request garbage is short-lived:
 *     the extra space bought no throughput in our measurements, only resident
 *     memory. The flag is read each time V8 would grow the space, so setting
 *     it here, before the server allocates, takes effect.
 *   - The module-resolution hooks (platform/moduleResolution.ts) are
 *     registered; Node resolves a module's static imports before running it,
 *     so they must be in place before serve.ts is imported.
 */
import v8 from 'node:v8';
import { useFastModuleResolution } from './platform/moduleResolution.ts';

v8.setFlagsFromString('--semi-space-growth-factor=1');
useFastModuleResolution();
await import('./serve.ts');
