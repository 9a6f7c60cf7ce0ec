import type { Lang } from '../i18n.js';
import { en } from './en.js';
import { vi, type Texts } from './vi.js';

export type { Texts };

/** The page's texts in its language: `texts(lang).plan.heading`, `texts(lang).login.throttled(15)`. */
export function texts(lang: Lang): Texts {
  return lang === 'vi' ? vi : en;
}
