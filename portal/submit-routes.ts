import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { RequestRejectedError, submitReport } from '../client/plan-client.js';
import { csrfToken, csrfValid, CSRF_FIELD } from './csrf.js';
import type { ResolvedDeps } from './deps.js';
import { isNotFound } from './errors.js';
import { readForm } from './form-body.js';
import { langOf, tr } from './i18n.js';
import { itemLinkGuard, type LinkEnv } from './item-link-guard.js';
import { derivedKey, hmac, sameString } from './keys.js';
import { refuse } from './refusals.js';
import { submitPage } from './submit-page.js';
import {
  chosenFiles,
  emptyValues,
  valuesFrom,
  formValues,
  storedNameOf,
  toSubmission,
  type SubmissionFormValues,
} from './submission-form.js';
import { isStoredName, mimeOf, storeEvidence, UploadRefused, UPLOAD_LIMITS } from './uploads.js';

type C = Context<LinkEnv>;

/** `/nop/:token`: a unit head's page for one item, reached from the e-mail without an account. */
export function submitRoutes(deps: ResolvedDeps): Hono<LinkEnv> {
  const app = new Hono<LinkEnv>();
  const secret = deps.config.LINK_SECRET;
  const csrfOf = (token: string) => csrfToken(secret, `nop:${token}`);
  /** Binds a stored file to this link, so a form can keep it without the unit choosing it again. */
  const keptMark = (token: string) => (name: string) => hmac(derivedKey(secret, 'kept'), `${token}\n${name}`);

  const render = (
    c: C,
    values: SubmissionFormValues,
    errors: string[],
    status: 200 | 400 | 409 | 413 | 415 | 422,
    receiptVersion?: number,
  ) => {
    const token = c.get('token');
    const unit = c.get('unit');
    const receipt = receiptVersion ? unit.versions.find((v) => v.version === receiptVersion) : undefined;
    return c.html(
      submitPage({
        lang: langOf(c),
        token,
        csrf: csrfOf(token),
        keptMark: keptMark(token),
        detail: c.get('detail'),
        unit,
        values,
        errors,
        receipt,
      }),
      status,
    );
  };

  app.use('/:token', itemLinkGuard(deps));
  app.use('/:token/*', itemLinkGuard(deps));

  app.get('/:token', (c) => {
    const detail = c.get('detail');
    const unit = c.get('unit');
    const last = unit.versions.at(-1);
    const v = Number(c.req.query('v'));
    return render(
      c,
      last ? valuesFrom(last.submission) : emptyValues(detail.ctx.units[unit.unit]?.head.name ?? ''),
      [],
      200,
      Number.isInteger(v) && v > 0 ? v : undefined,
    );
  });

  app.post(
    '/:token',
    bodyLimit({
      // Every file at its limit plus the text fields; a single oversized file is refused below with its name.
      maxSize: UPLOAD_LIMITS.files * UPLOAD_LIMITS.bytesPerFile + 1024 * 1024,
      onError: (c) =>
        refuse(c, 413, 'tooLarge', [
          `Tối đa ${UPLOAD_LIMITS.files} tệp, mỗi tệp 5 MB.`,
          `At most ${UPLOAD_LIMITS.files} files of 5 MB each.`,
        ]),
    }),
    async (c) => {
      const lang = langOf(c);
      const token = c.get('token');
      const read = await readForm(c);
      if ('refused' in read) return read.refused;
      const body = read.form;
      if (!csrfValid(secret, `nop:${token}`, body[CSRF_FIELD])) return refuse(c, 403, 'badForm');
      const detail = c.get('detail');
      if (detail.status.closed) return refuse(c, 409, 'itemClosed');
      const mark = keptMark(token);
      const { values, refusedKept } = formValues(body, detail.item.forms, (name, given) =>
        sameString(given, mark(name)),
      );
      const again = (errors: string[], status: 400 | 409 | 413 | 415 | 422) => render(c, values, errors, status);
      if (refusedKept)
        return again(
          [
            tr(
              lang,
              'Có tệp minh chứng không thuộc các lần nộp của đơn vị qua liên kết này; vui lòng chọn lại tệp.',
              "A kept evidence file does not belong to this link's submissions; please choose the file again.",
            ),
          ],
          400,
        );
      if (c.get('unit').phase === 'accepted')
        return again(
          [
            tr(
              lang,
              'Báo cáo của đơn vị đã được Văn phòng duyệt nên không nộp lại được. Nếu cần sửa, vui lòng liên hệ Văn phòng.',
              "The office has accepted this unit's report, so it cannot be submitted again. Please contact the office.",
            ),
          ],
          409,
        );

      const files = chosenFiles(body);
      if (files.length + values.kept.length > UPLOAD_LIMITS.files)
        return again(
          [tr(lang, `Tối đa ${UPLOAD_LIMITS.files} tệp minh chứng.`, `At most ${UPLOAD_LIMITS.files} evidence files.`)],
          413,
        );
      // Stored files join `kept` at once, so a refused form comes back without asking for them again.
      for (const file of files) {
        try {
          values.kept.push(await storeEvidence(file, deps.config.UPLOADS_DIR));
        } catch (err) {
          if (!(err instanceof UploadRefused)) throw err;
          const msg =
            err.status === 413
              ? tr(lang, `Tệp "${file.name}" vượt quá 5 MB.`, err.message)
              : tr(lang, `Tệp "${file.name}" không đúng định dạng (chỉ nhận PDF, DOCX, XLSX, JPG, PNG).`, err.message);
          return again([msg], err.status);
        }
      }
      const built = toSubmission(values, deps.config.PORTAL_BASE_URL, lang);
      if (!built.ok) return again(built.errors, 400);
      try {
        const receipt = await submitReport(deps.client, c.get('access').plan, c.get('access').ref.itemId, {
          ...built.input,
          unit: c.get('access').ref.unit,
        });
        // Post/redirect/get: reloading the receipt page never submits twice.
        const query = new URLSearchParams({ v: String(receipt.version), ...(lang === 'en' ? { lang } : {}) });
        return c.redirect(`/nop/${token}?${query.toString()}`, 303);
      } catch (err) {
        // The item closed between reading it and submitting.
        if (isNotFound(err)) return refuse(c, 409, 'itemClosed');
        if (!(err instanceof RequestRejectedError)) throw err;
        return again(
          [tr(lang, `Hệ thống không nhận báo cáo: ${err.message}`, `The report was refused: ${err.message}`)],
          422,
        );
      }
    },
  );

  /** Evidence of this unit's own submissions on this item, from UPLOADS_DIR only. */
  app.get('/:token/minh-chung/:name', async (c) => {
    const name = c.req.param('name');
    if (!isStoredName(name)) return refuse(c, 404, 'pageNotFound');
    const own = c.get('unit').versions.some((v) => v.submission.evidence.some((e) => storedNameOf(e.url) === name));
    if (!own) return refuse(c, 404, 'pageNotFound');
    return serveStored(c, deps.config.UPLOADS_DIR, name);
  });

  return app;
}

/** Sends a stored evidence file as a download (never rendered inline, so an image or PDF cannot script the portal). */
export async function serveStored(c: Context, dir: string, name: string): Promise<Response> {
  const bytes = await readFile(join(dir, name)).catch(() => undefined);
  if (!bytes) return refuse(c, 404, 'pageNotFound');
  return c.body(bytes, 200, {
    'Content-Type': mimeOf(name),
    'Content-Disposition': `attachment; filename="${name}"`,
    'X-Content-Type-Options': 'nosniff',
  });
}
