/**
 * The production entry point (`npm start` runs `node --max-semi-space-size=16
 * --heap-growing-percent=30 server/main.ts`). Before anything else is imported, the module-resolution
 * hooks (platform/moduleResolution.ts) are registered: Node resolves a
 * module's static imports before running it, so they must be in place
 * before serve.ts is imported (docs/decisions/0031-start-up-memory.md).
 *
 * The young generation's cap and the old generation's growth are command-line
 * flags because V8 reads them only when the heap is made (ADR 0031 says why).
 */
import { useFastModuleResolution } from './platform/moduleResolution.ts';

useFastModuleResolution();
await import('./serve.ts');
