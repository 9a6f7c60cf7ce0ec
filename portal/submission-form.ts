import { EVIDENCE_URL, SUBMISSION_LIMITS, type Submission, type SubmissionInput } from '../domain/submission.js';
import type { ItemSpec, ReportDuty } from '../domain/schedule-types.js';
import { attemptOf, newAttempt } from './form-attempt.js';
import type { FormBody } from './form-body.js';
import type { Lang } from './i18n.js';
import { texts } from './texts/index.js';
import { isStoredName, type StoredFile } from './uploads.js';

/** What the unit typed, kept verbatim so a refused submission comes back with nothing lost. */
export interface SubmissionFormValues {
  /**
   * This form's one submission, drawn when the form is first shown and kept when it comes back refused: the portal
   * sends it as the Update id, so a second click, a browser's resend or the back button cannot make a second version.
   */
  attempt: string;
  submittedBy: string;
  results: string;
  shortcomings: string;
  nextTasks: string;
  proposals: string;
  /** Per communication form code, as typed. */
  figures: Record<string, string>;
  links: { title: string; url: string }[];
  /** Files already stored by an earlier, refused attempt. */
  kept: StoredFile[];
  /** Per ongoing duty number (periodic reports only): results, figures per form and the share reached, as typed. */
  duties: Record<string, DutyValues>;
}

export interface DutyValues {
  results: string;
  figures: Record<string, string>;
  percent: string;
}

/** The ongoing duties a unit reports on in this item: a periodic report's duties that the unit carries. */
export function unitDuties(item: ItemSpec, unit: string): ReportDuty[] {
  return item.kind === 'report' && 'duties' in item ? (item.duties ?? []).filter((d) => d.units.includes(unit)) : [];
}

/** Blank rows offered for evidence links. */
export const LINK_ROWS = 3;

const one = (v: FormBody[string] | undefined): string => (typeof v === 'string' ? v : '');
const many = (v: FormBody[string] | undefined): (string | File)[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
const strings = (v: FormBody[string] | undefined): string[] =>
  many(v).filter((x): x is string => typeof x === 'string');

export function emptyValues(submittedBy: string): SubmissionFormValues {
  return {
    attempt: newAttempt(),
    submittedBy,
    results: '',
    shortcomings: '',
    nextTasks: '',
    proposals: '',
    figures: {},
    links: [],
    kept: [],
    duties: {},
  };
}

/** The last version, as the starting point of a revision: the unit edits instead of typing everything again. */
export function valuesFrom(s: Submission): SubmissionFormValues {
  const kept: StoredFile[] = [];
  const links: { title: string; url: string }[] = [];
  for (const e of s.evidence) {
    const name = storedNameOf(e.url);
    if (name) kept.push({ name, original: e.title });
    else links.push(e);
  }
  return {
    attempt: newAttempt(),
    submittedBy: s.submittedBy,
    results: s.results,
    shortcomings: s.shortcomings,
    nextTasks: s.nextTasks,
    proposals: s.proposals,
    figures: Object.fromEntries(Object.entries(s.figures).map(([k, n]) => [k, String(n)])),
    links,
    kept,
    duties: Object.fromEntries(
      Object.entries(s.duties ?? {}).map(([n, d]) => [
        n,
        {
          results: d.results,
          figures: Object.fromEntries(Object.entries(d.figures).map(([k, v]) => [k, String(v)])),
          percent: d.percent === undefined ? '' : String(d.percent),
        },
      ]),
    ),
  };
}

/**
 * Reads the form. A `unit` field, if someone adds one, is never read: the unit comes from the link's token. A kept
 * file counts only with the mark the portal gave it for this link (`keptValid`): a stored hash alone, such as
 * another unit's file, is refused and counted in `refusedKept`.
 */
export function formValues(
  body: FormBody,
  forms: string[],
  keptValid: (name: string, mark: string) => boolean,
  duties: readonly ReportDuty[] = [],
): { values: SubmissionFormValues; refusedKept: number } {
  const titles = strings(body.linkTitle);
  const urls = strings(body.linkUrl);
  const kept: StoredFile[] = [];
  let refusedKept = 0;
  for (const k of strings(body.kept)) {
    const [name = '', mark = '', ...rest] = k.split('|');
    if (isStoredName(name) && keptValid(name, mark)) kept.push({ name, original: rest.join('|').slice(0, 200) });
    else refusedKept++;
  }
  const values = {
    attempt: attemptOf(body),
    submittedBy: one(body.submittedBy).trim(),
    results: one(body.results),
    shortcomings: one(body.shortcomings),
    nextTasks: one(body.nextTasks),
    proposals: one(body.proposals),
    figures: Object.fromEntries(forms.map((f) => [f, one(body[`figure.${f}`]).trim()])),
    links: urls.map((url, i) => ({ title: (titles[i] ?? '').trim(), url: url.trim() })).filter((l) => l.url || l.title),
    kept,
    duties: Object.fromEntries(
      duties.map((d) => [
        String(d.number),
        {
          results: one(body[`duty.${d.number}.results`]),
          figures: Object.fromEntries(d.forms.map((f) => [f, one(body[`duty.${d.number}.figure.${f}`]).trim()])),
          percent: one(body[`duty.${d.number}.percent`]).trim(),
        },
      ]),
    ),
  };
  return { values, refusedKept };
}

/** Files chosen in the form's file input (browsers send an empty part when none is chosen). */
export function chosenFiles(body: FormBody): File[] {
  return many(body.files).filter((f): f is File => typeof f !== 'string' && f.size > 0 && f.name !== '');
}

/** Public address of a stored evidence file; the portal serves it from the blob store only. */
export function evidenceUrl(baseUrl: string, name: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/minh-chung/${name}`;
}

/** The stored file name behind an evidence URL made by `evidenceUrl`, if it is one. */
export function storedNameOf(url: string): string | undefined {
  const name = url.slice(url.lastIndexOf('/minh-chung/') + '/minh-chung/'.length);
  return url.includes('/minh-chung/') && isStoredName(name) ? name : undefined;
}

/** Checks what the workflow's validator would refuse, in the unit's language, before sending anything. */
export function toSubmission(
  values: SubmissionFormValues,
  baseUrl: string,
  lang: Lang,
): { ok: true; input: Omit<SubmissionInput, 'unit'> } | { ok: false; errors: string[] } {
  const L = SUBMISSION_LIMITS;
  const t = texts(lang).formErrors;
  const errors: string[] = [];
  if (!values.submittedBy) errors.push(t.nameMissing);
  else if (values.submittedBy.length > L.nameChars) errors.push(t.nameTooLong(L.nameChars));
  if (!values.results.trim()) errors.push(t.resultsMissing);
  for (const key of ['results', 'shortcomings', 'nextTasks', 'proposals'] as const)
    if (values[key].length > L.textChars) errors.push(t.textTooLong(t.fields[key], values[key].length, L.textChars));
  const figures: Record<string, number> = {};
  for (const [code, raw] of Object.entries(values.figures)) {
    if (raw === '') continue;
    if (!/^\d{1,7}$/.test(raw) || Number(raw) > L.figureMax) errors.push(t.figureInvalid(code, L.figureMax));
    else figures[code] = Number(raw);
  }
  const evidence: { title: string; url: string }[] = [];
  for (const link of values.links) {
    // Only web links: a `javascript:` URL would run in the office's browser when clicked. The workflow's validator
    // refuses the same (domain/submission.ts), for clients that do not come through this form.
    if (!EVIDENCE_URL.test(link.url) || link.url.length > L.urlChars)
      errors.push(t.linkInvalid(link.url.slice(0, 80), L.urlChars));
    else evidence.push({ title: (link.title || link.url).slice(0, L.titleChars), url: link.url });
  }
  for (const f of values.kept) evidence.push({ title: f.original, url: evidenceUrl(baseUrl, f.name) });
  if (evidence.length > L.evidence) errors.push(t.tooManyEvidence(L.evidence));
  const duties: NonNullable<SubmissionInput['duties']> = {};
  for (const [n, d] of Object.entries(values.duties)) {
    if (d.results.length > L.textChars) errors.push(t.textTooLong(t.dutyResults(n), d.results.length, L.textChars));
    const dutyFigures: Record<string, number> = {};
    for (const [code, raw] of Object.entries(d.figures)) {
      if (raw === '') continue;
      if (!/^\d{1,7}$/.test(raw) || Number(raw) > L.figureMax) errors.push(t.figureInvalid(code, L.figureMax));
      else dutyFigures[code] = Number(raw);
    }
    const percent = d.percent === '' ? undefined : Number(d.percent.replace(',', '.'));
    if (percent !== undefined && !(percent >= 0 && percent <= 100)) errors.push(t.percentInvalid(n, d.percent));
    // A duty the unit left blank is not reported on, rather than reported as nothing.
    if (d.results.trim() || Object.keys(dutyFigures).length || percent !== undefined)
      duties[n] = { results: d.results, figures: dutyFigures, ...(percent !== undefined ? { percent } : {}) };
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      submittedBy: values.submittedBy,
      results: values.results,
      shortcomings: values.shortcomings,
      nextTasks: values.nextTasks,
      proposals: values.proposals,
      figures,
      evidence,
      ...(Object.keys(duties).length ? { duties } : {}),
    },
  };
}
