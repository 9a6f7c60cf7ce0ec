import { Hono, type Context } from 'hono';
import { parsePlanText } from '../../domain/plan-file.js';
import { DocumentUnreadable, readDocument } from '../../plan-draft/read-document.js';
import { planToWorkbook } from '../../plan-xlsx/export.js';
import { workbookToPlan } from '../../plan-xlsx/import.js';
import type { ResolvedDeps } from '../deps.js';
import { langOf, withLang } from '../i18n.js';
import type { OfficeEnv } from '../office-env.js';
import { isOrgCode } from '../office-params.js';
import { officeView } from '../office-view.js';
import { importDocumentPage } from '../pages/editor-import-document-page.js';
import { importMessagePage } from '../pages/editor-import-message-page.js';
import { importProblemsPage } from '../pages/editor-import-problems-page.js';
import { editorPath } from '../pages/editor-import-section.js';
import { refuse } from '../refusals.js';
import { documentDraft } from './document-draft.js';
import { loadDraft, saveDraft, type PlanDraftRecord } from './draft-store.js';
import { IMPORT_UPLOAD_MB, readImportUpload, type ImportUpload } from './import-upload.js';
import { importTexts, type ImportTexts } from './import-texts.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Ctx = Context<OfficeEnv>;

/** The organisation of the path; the office guard and plan access (portal/access/) have already checked it. */
const orgOf = (c: Ctx): string => c.req.param('org') ?? '';

/** A page of the import's own texts, with its status (every refusal here is a page, never a 500). */
function say(
  c: Ctx,
  deps: ResolvedDeps,
  status: 400 | 404 | 409 | 413 | 415 | 422,
  text: (t: ImportTexts['refusals']) => { title: string; text: string },
  uploadAgain: boolean,
) {
  const org = orgOf(c);
  const said = text(importTexts(langOf(c)).refusals);
  return c.html(importMessagePage(officeView(c, deps), { org, ...said, uploadAgain }), status);
}

/** Why an upload is not read: nothing chosen (400), too large (413), not the kind of file the form takes (415). */
function refusedUpload(c: Ctx, deps: ResolvedDeps, upload: Exclude<ImportUpload, { ok: true }>, form: 'xlsx' | 'doc') {
  switch (upload.why) {
    case 'noFile':
      return say(c, deps, 400, (t) => t.noFile, true);
    case 'tooLarge':
      return say(c, deps, 413, (t) => ({ ...t.tooLarge, text: t.tooLarge.text(IMPORT_UPLOAD_MB) }), true);
    case 'wrongType':
      return say(
        c,
        deps,
        415,
        (t) => {
          const refusal = form === 'xlsx' ? t.notWorkbook : t.notDocument;
          return { title: refusal.title, text: refusal.text(upload.fileName, upload.found ?? t.unknownType) };
        },
        true,
      );
  }
}

/**
 * Saves what an import read as the organisation's draft, for the session's user. A draft that amends the running
 * plan of its year keeps saying so while the import is of that same year (a plan of another year amends nothing).
 */
async function saveImported(
  c: Ctx,
  deps: ResolvedDeps,
  read: Pick<PlanDraftRecord, 'raw' | 'marked' | 'source'>,
  year: unknown,
): Promise<Response> {
  const org = orgOf(c);
  const current = await loadDraft(deps.store, org);
  const amends = current?.amends && current.amends.year === year ? { amends: current.amends } : {};
  await saveDraft(deps.store, org, {
    ...read,
    ...amends,
    updatedAt: deps.now().toISOString(),
    by: c.get('session').user,
  });
  return c.redirect(withLang(editorPath(org), langOf(c)), 303);
}

/**
 * `/van-phong/:org/soan-thao/{excel,van-ban}`: the editor's draft to and from an Excel workbook, and a draft from the
 * signed document (DOCX or PDF). Mounted beside the editor; only the office of `org` gets here (plan-access.ts), and
 * every POST has passed the office guard's CSRF check.
 */
export function importRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();

  // A path that cannot name an organisation never reaches the store.
  app.use('*', async (c, next) => (isOrgCode(orgOf(c)) ? next() : refuse(c, 404, 'pageNotFound')));

  /** The draft as a workbook, when it is a valid plan: the workbook is written from a plan, defaults filled in. */
  app.get('/excel', async (c) => {
    const org = orgOf(c);
    const draft = await loadDraft(deps.store, org);
    if (!draft) return say(c, deps, 404, (t) => ({ ...t.noDraft, text: t.noDraft.text(org) }), true);
    const parsed = parsePlanText(JSON.stringify(draft.raw), `${org}.json`, langOf(c));
    if (!parsed.ok)
      return say(
        c,
        deps,
        409,
        (t) => ({ ...t.invalidDraft, text: t.invalidDraft.text(parsed.problems.length) }),
        false,
      );
    const workbook = await planToWorkbook(parsed.plan);
    return c.body(new Uint8Array(workbook), 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${org}-${parsed.plan.plan.year}.xlsx"`,
      'X-Content-Type-Options': 'nosniff',
      // The draft changes as the office writes: never a stale copy from a cache.
      'Cache-Control': 'no-store',
    });
  });

  /** A workbook back into the draft: every problem at its cell, or the plan saved as the draft. */
  app.post('/excel', async (c) => {
    const org = orgOf(c);
    const upload = await readImportUpload(c.get('form'), 'workbook', ['xlsx']);
    if (!upload.ok) return refusedUpload(c, deps, upload, 'xlsx');
    const read = await workbookToPlan(upload.bytes, upload.fileName, langOf(c));
    if (!read.ok)
      return c.html(
        importProblemsPage(officeView(c, deps), { org, fileName: upload.fileName, problems: read.problems }),
        422,
      );
    const theirs = read.plan.organisation.code;
    if (theirs !== org)
      return say(
        c,
        deps,
        422,
        (t) => ({ ...t.foreignWorkbook, text: t.foreignWorkbook.text(upload.fileName, theirs, org) }),
        true,
      );
    return saveImported(c, deps, { raw: read.plan, marked: [], source: 'xlsx' }, read.plan.plan.year);
  });

  /** The current draft's header and marked fields, with the upload forms. */
  app.get('/van-ban', async (c) => {
    const org = orgOf(c);
    return c.html(importDocumentPage(officeView(c, deps), { org, draft: await loadDraft(deps.store, org) }));
  });

  /** The signed document (DOCX or PDF) read into a draft; what the reader could not read is marked in the record. */
  app.post('/van-ban', async (c) => {
    const org = orgOf(c);
    const upload = await readImportUpload(c.get('form'), 'document', ['docx', 'pdf']);
    if (!upload.ok) return refusedUpload(c, deps, upload, 'doc');
    let text: string;
    try {
      text = (await readDocument(upload.bytes)).text;
    } catch (err) {
      if (!(err instanceof DocumentUnreadable)) throw err;
      const why = err.message;
      return say(
        c,
        deps,
        422,
        (t) => ({ ...t.unreadableDocument, text: t.unreadableDocument.text(upload.fileName, why) }),
        true,
      );
    }
    const { raw, marked } = documentDraft(text, org, deps.directory);
    const year = (raw.plan as { year?: unknown } | undefined)?.year;
    return saveImported(c, deps, { raw, marked, source: 'document' }, year);
  });

  return app;
}
