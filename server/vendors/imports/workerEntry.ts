/**
 * The import worker's entry point (jobs.ts starts it). Module-resolution hooks
 * belong to the thread that registers them: the worker does not inherit the
 * main thread's (server/main.ts), and without them Node reads drizzle-orm's
 * 179 KB exports map again for every file it resolves (ADR 0031). Measured
 * when the worker first starts, back to back on the shared machine: about
 * 98 MB more peak memory for the process and 2.3-2.5 s to the first answer
 * without the hooks; about 50 MB and 0.5-0.6 s with them. So the hooks are
 * registered here before the worker's modules are imported.
 */
import { useFastModuleResolution } from '../../platform/moduleResolution.ts';

useFastModuleResolution();
await import('./worker.ts');
