import type { Context } from 'hono';

/** The portal writes Vietnamese first; `?lang=en` switches a page (and the links and forms on it) to English. */
export type Lang = 'vi' | 'en';

export function langOf(c: Context): Lang {
  return c.req.query('lang') === 'en' ? 'en' : 'vi';
}

/** Keeps the language across links and form actions. */
export function withLang(path: string, lang: Lang): string {
  if (lang === 'vi') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}
