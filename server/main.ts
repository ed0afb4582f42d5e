/**
 * The production entry point (`node server/main.ts`). It registers the
 * module-resolution hooks (platform/moduleResolution.ts) before anything
 * else is imported, because Node resolves a module's static imports before
 * running it: importing the server with Node's own resolution alone cost
 * about 80 MB of resident memory and over a second of start-up
 * (docs/decisions/0031-start-up-memory.md). Start-up itself is in serve.ts.
 */
import { useFastModuleResolution } from './platform/moduleResolution.ts';

useFastModuleResolution();
await import('./serve.ts');
