import { openDatabase } from './server/db/database.ts';
import { createContextInner } from './server/context.ts';
import { createCaller } from './server/routers/_app.ts';
const db = openDatabase('/tmp/prof10k.sqlite');
const NOW = new Date();
const orig = db.$client.prepare.bind(db.$client);
const stats = new Map<string, number[]>();
(db.$client as any).prepare = (src: string) => {
  const st = orig(src);
  const wrap = (name: string) => { const f = (st as any)[name].bind(st); (st as any)[name] = (...a: unknown[]) => { const t = performance.now(); const r = f(...a); const k = src.replace(/\s+/g, ' ').slice(0, 140); (stats.get(k) ?? stats.set(k, []).get(k)!).push(performance.now() - t); return r; }; };
  for (const n of ['all', 'get', 'run', 'raw', 'values']) if ((st as any)[n]) wrap(n);
  return st;
};
const caller = createCaller(createContextInner({ db, user: { id: 'bench', name: 'Bench', email: 'b@t.example', role: 'ciso' }, now: () => NOW }));
const proc = process.argv[2] ?? 'keyFigures';
for (let i = 0; i < 10; i++) await (caller.dashboard as any)[proc]({ filters: {} });
for (const [k, v] of [...stats].sort((a, b) => b[1].reduce((x, y) => x + y) - a[1].reduce((x, y) => x + y))) console.log((v.reduce((x, y) => x + y) / v.length).toFixed(1).padStart(7), 'ms', v.length, k);
