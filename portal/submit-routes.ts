import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getItemDetail, RequestRejectedError, submitReport } from '../client/plan-client.js';
import type { ItemDetail } from '../workflows/item-types.js';
import type { ResolvedDeps } from './deps.js';
import { csrfToken, csrfValid, CSRF_FIELD } from './csrf.js';
import { isNotFound } from './errors.js';
import { tr, langOf, type Lang } from './i18n.js';
import { readItemToken, type ItemAccess } from './item-token.js';
import { messagePage } from './layout.js';
import { submitPage } from './submit-page.js';
import {
  chosenFiles,
  emptyValues,
  valuesFrom,
  formValues,
  storedNameOf,
  toSubmission,
  type FormBody,
  type SubmissionFormValues,
} from './submission-form.js';
import { isStoredName, mimeOf, storeEvidence, UploadRefused, UPLOAD_LIMITS } from './uploads.js';

type Ok = Extract<ItemAccess, { ok: true }>;

function refusedLink(c: Context, lang: Lang, access: Exclude<ItemAccess, { ok: true }>) {
  const path = c.req.path;
  if (access.reason === 'expired')
    return c.html(
      messagePage(
        lang,
        path,
        tr(lang, 'Liên kết đã hết hạn', 'This link has expired'),
        tr(
          lang,
          'Liên kết nộp báo cáo này đã hết hạn. Vui lòng liên hệ Văn phòng để được cấp liên kết mới.',
          'This submission link has expired. Please ask the office for a new one.',
        ),
      ),
      410,
    );
  return c.html(
    messagePage(
      lang,
      path,
      tr(lang, 'Liên kết không hợp lệ', 'Invalid link'),
      tr(
        lang,
        'Liên kết nộp báo cáo không hợp lệ. Vui lòng mở đúng liên kết trong e-mail giao nhiệm vụ.',
        'This submission link is not valid. Please open the link from the assignment e-mail.',
      ),
    ),
    403,
  );
}

/** Reads the item for the token's unit; a page explaining why not when it cannot. */
async function loadItem(
  c: Context,
  deps: ResolvedDeps,
  lang: Lang,
  access: Ok,
): Promise<{ detail: ItemDetail } | { response: Response }> {
  try {
    const detail = await getItemDetail(deps.client, access.plan, access.ref.itemId);
    if (!detail.units.some((u) => u.unit === access.ref.unit))
      return {
        response: await c.html(
          messagePage(
            lang,
            c.req.path,
            tr(lang, 'Không còn được giao', 'No longer assigned'),
            tr(
              lang,
              'Nhiệm vụ này không còn giao cho đơn vị của bạn.',
              'This item is no longer assigned to your unit.',
            ),
          ),
          403,
        ),
      };
    return { detail };
  } catch (err) {
    if (!isNotFound(err)) throw err;
    return {
      response: await c.html(
        messagePage(
          lang,
          c.req.path,
          tr(lang, 'Không tìm thấy', 'Not found'),
          tr(lang, 'Không tìm thấy nhiệm vụ của liên kết này.', 'The item of this link was not found.'),
        ),
        404,
      ),
    };
  }
}

function render(
  c: Context,
  deps: ResolvedDeps,
  lang: Lang,
  token: string,
  access: Ok,
  detail: ItemDetail,
  values: SubmissionFormValues,
  errors: string[],
  status: 200 | 400 | 413 | 415 | 422,
  receiptVersion?: number,
) {
  const unit = detail.units.find((u) => u.unit === access.ref.unit)!;
  const receipt = receiptVersion ? unit.versions.find((v) => v.version === receiptVersion) : undefined;
  return c.html(
    submitPage({
      lang,
      token,
      csrf: csrfToken(deps.config.LINK_SECRET, `nop:${token}`),
      detail,
      unit,
      values,
      errors,
      receipt,
    }),
    status,
  );
}

/** `/nop/:token`: a unit head's page for one item, reached from the e-mail without an account. */
export function submitRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  const secret = deps.config.LINK_SECRET;

  app.get('/:token', async (c) => {
    const lang = langOf(c);
    const token = c.req.param('token');
    const access = readItemToken(token, secret, deps.now());
    if (!access.ok) return refusedLink(c, lang, access);
    const loaded = await loadItem(c, deps, lang, access);
    if ('response' in loaded) return loaded.response;
    const head = loaded.detail.ctx.units[access.ref.unit]?.head.name ?? '';
    const last = loaded.detail.units.find((u) => u.unit === access.ref.unit)?.versions.at(-1);
    const v = Number(c.req.query('v'));
    return render(
      c,
      deps,
      lang,
      token,
      access,
      loaded.detail,
      last ? valuesFrom(last.submission) : emptyValues(head),
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
        c.html(
          messagePage(
            langOf(c),
            c.req.path,
            tr(langOf(c), 'Tệp quá lớn', 'Upload too large'),
            tr(
              langOf(c),
              `Tổng dung lượng gửi lên quá lớn: tối đa ${UPLOAD_LIMITS.files} tệp, mỗi tệp 5 MB.`,
              `The upload is too large: at most ${UPLOAD_LIMITS.files} files of 5 MB each.`,
            ),
          ),
          413,
        ),
    }),
    async (c) => {
      const lang = langOf(c);
      const token = c.req.param('token');
      const access = readItemToken(token, secret, deps.now());
      if (!access.ok) return refusedLink(c, lang, access);
      const body = (await c.req.parseBody({ all: true })) as FormBody;
      if (!csrfValid(secret, `nop:${token}`, body[CSRF_FIELD]))
        return c.html(
          messagePage(
            lang,
            c.req.path,
            tr(lang, 'Phiên làm việc không hợp lệ', 'Invalid form'),
            tr(
              lang,
              'Biểu mẫu không hợp lệ hoặc đã cũ. Vui lòng tải lại trang và nộp lại.',
              'The form is invalid or stale. Please reload the page and submit again.',
            ),
          ),
          403,
        );
      const loaded = await loadItem(c, deps, lang, access);
      if ('response' in loaded) return loaded.response;
      const { detail } = loaded;
      const values = formValues(body, detail.item.forms);
      const again = (errors: string[], status: 400 | 413 | 415 | 422) =>
        render(c, deps, lang, token, access, detail, values, errors, status);

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
        const receipt = await submitReport(deps.client, access.plan, access.ref.itemId, {
          ...built.input,
          unit: access.ref.unit,
        });
        // Post/redirect/get: reloading the receipt page never submits twice.
        const query = new URLSearchParams({ v: String(receipt.version), ...(lang === 'en' ? { lang } : {}) });
        return c.redirect(`/nop/${token}?${query.toString()}`, 303);
      } catch (err) {
        if (err instanceof RequestRejectedError) return again([err.message], 422);
        throw err;
      }
    },
  );

  /** Evidence of this unit's own submissions, from UPLOADS_DIR only. */
  app.get('/:token/minh-chung/:name', async (c) => {
    const lang = langOf(c);
    const access = readItemToken(c.req.param('token'), secret, deps.now());
    if (!access.ok) return refusedLink(c, lang, access);
    const name = c.req.param('name');
    if (!isStoredName(name)) return c.text('Not found', 404);
    const loaded = await loadItem(c, deps, lang, access);
    if ('response' in loaded) return loaded.response;
    const unit = loaded.detail.units.find((u) => u.unit === access.ref.unit);
    const own = unit?.versions.some((v) => v.submission.evidence.some((e) => storedNameOf(e.url) === name));
    if (!own) return c.text('Not found', 404);
    return serveStored(c, deps.config.UPLOADS_DIR, name);
  });

  return app;
}

/** Sends a stored evidence file as a download (never rendered inline, so an image or PDF cannot script the portal). */
export async function serveStored(c: Context, dir: string, name: string): Promise<Response> {
  const bytes = await readFile(join(dir, name)).catch(() => undefined);
  if (!bytes) return c.text('Not found', 404);
  return c.body(bytes, 200, {
    'Content-Type': mimeOf(name),
    'Content-Disposition': `attachment; filename="${name}"`,
    'X-Content-Type-Options': 'nosniff',
  });
}
