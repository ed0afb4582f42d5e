/**
 * A vendor's browser over real HTTP: follows a questionnaire link, keeps the
 * cookie it gets, and calls the portal's procedures and evidence routes.
 */

export interface PortalResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it checks
  data: any;
  error?: { message: string; data: { code: string; details?: unknown } };
}

export function linkClient(base: string) {
  /** Opens /q/TOKEN without following the redirect; `cookie` is what a browser would then send. */
  async function openLink(url: string) {
    const response = await fetch(url, { redirect: 'manual' });
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') || null;
    return { status: response.status, location: response.headers.get('location'), cookie, html: await response.text() };
  }

  async function portal(cookie: string | null, path: string, input?: unknown, method: 'GET' | 'POST' = 'GET'): Promise<PortalResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
    const response =
      method === 'GET'
        ? await fetch(`${base}/trpc/portal.${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`, { headers })
        : await fetch(`${base}/trpc/portal.${path}`, { method: 'POST', headers, body: JSON.stringify({ json: input }) });
    const body = (await response.json()) as { result?: { data: { json: unknown } }; error?: { json: PortalResult['error'] } };
    return { status: response.status, data: body.result?.data.json, error: body.error?.json };
  }

  /** Uploads a small CSV as evidence for a question or a task. */
  async function upload(cookie: string | null, target: { controlId: string } | { taskId: number }, name = 'evidence.csv') {
    const form = new FormData();
    if ('controlId' in target) form.append('controlId', target.controlId);
    else form.append('taskId', String(target.taskId));
    form.append('file', new Blob(['control,state\nmfa,on\n'], { type: 'text/csv' }), name);
    const response = await fetch(`${base}/api/portal/evidence`, { method: 'POST', headers: cookie ? { cookie } : {}, body: form });
    return { status: response.status, body: (await response.json()) as { id?: number; error?: string; details?: unknown } };
  }

  async function download(cookie: string | null, evidenceId: number) {
    const response = await fetch(`${base}/api/portal/evidence/${evidenceId}`, { headers: cookie ? { cookie } : {} });
    return { status: response.status, body: await response.text() };
  }

  return { openLink, portal, upload, download };
}
