/** Where the client's requests go: a portal app in-process (a Hono app has this method), or `overHttp`. */
export interface PortalTarget {
  request(url: string, init: RequestInit): Response | Promise<Response>;
}

/** A portal served over HTTP (pass its address as the origin): real sockets, so a real client address. */
export const overHttp: PortalTarget = { request: (url, init) => fetch(url, { ...init, redirect: 'manual' }) };

/**
 * Drives the portal like a browser would: keeps cookies, reads the CSRF token off each page. In-process by default
 * (`app` is the portal app), or over HTTP with `portalClient(overHttp, portal.url)`.
 */
export function portalClient(app: PortalTarget, origin = 'http://portal.test') {
  const cookies = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      const value = pair!.slice(at + 1);
      if (/Max-Age=0/i.test(c) || value === '') cookies.delete(pair!.slice(0, at));
      else cookies.set(pair!.slice(0, at), value);
    }
    return res;
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    cookies,
    async get(path: string): Promise<Response> {
      return remember(await app.request(`${origin}${path}`, { headers: { cookie: cookieHeader() } }));
    },
    async post(path: string, fields: Record<string, string | File | string[]>): Promise<Response> {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
      return remember(
        await app.request(`${origin}${path}`, { method: 'POST', body, headers: { cookie: cookieHeader() } }),
      );
    },
    /** The hidden `_csrf` value of the first form on a page. */
    async csrfOf(path: string): Promise<string> {
      const text = await (await this.get(path)).text();
      return /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? '';
    },
    async login(user: string, password: string): Promise<Response> {
      const csrf = await this.csrfOf('/dang-nhap');
      return this.post('/dang-nhap', { _csrf: csrf, user, password, next: '/van-phong' });
    },
  };
}

/**
 * The hidden fields a form is taken once by (`portal/form-attempt.ts`): its CSRF token and submission id, from the
 * form posting to `action` on a page.
 */
export function formOnceFields(page: string, action: string): { _csrf: string; attempt: string } {
  const form = page.slice(page.indexOf(action));
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1];
  const attempt = /name="attempt" value="([0-9a-f-]{36})"/.exec(form)?.[1];
  if (!csrf || !attempt) throw new Error(`no form posting to ${action} with a CSRF token and a submission id`);
  return { _csrf: csrf, attempt };
}
