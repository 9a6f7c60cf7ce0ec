import { Hono, type Context } from 'hono';
import { newAttempt } from './form-attempt.js';
import { bodyLimit } from 'hono/body-limit';
import { RequestRejectedError, submitReport } from '../client/plan-client.js';
import { csrfToken, csrfValid, CSRF_FIELD } from './csrf.js';
import type { ResolvedDeps } from './deps.js';
import { unitDifficulties, type RaiseValues } from './difficulty-form.js';
import { difficultyRoutes } from './difficulty-routes.js';
import { isNotFound } from './errors.js';
import { serveStored } from './evidence-routes.js';
import { readForm } from './form-body.js';
import { langOf } from './i18n.js';
import { itemLinkGuard, type LinkEnv } from './item-link-guard.js';
import { derivedKey, hmac, sameString } from './keys.js';
import { submitPage } from './pages/submit-page.js';
import { refuse } from './refusals.js';
import {
  chosenFiles,
  emptyValues,
  formValues,
  storedNameOf,
  toSubmission,
  unitDuties,
  valuesFrom,
  type SubmissionFormValues,
} from './submission-form.js';
import { texts } from './texts/index.js';
import { isStoredName, storeEvidence, UploadRefused, UPLOAD_LIMITS } from './uploads.js';

type C = Context<LinkEnv>;
type FormStatus = 200 | 400 | 409 | 413 | 415 | 422;
/** Besides the submission form: the version just received, and the difficulty form's state. */
interface PageExtras {
  receiptVersion?: number;
  raise?: { values: RaiseValues; errors: string[] };
  /** The difficulty just raised (`?kn=`); shown only if it is this unit's. */
  raised?: number;
}

/** `/nop/:token`: a unit head's page for one item, reached from the e-mail without an account. */
export function submitRoutes(deps: ResolvedDeps): Hono<LinkEnv> {
  const app = new Hono<LinkEnv>();
  const secret = deps.config.LINK_SECRET;
  const csrfOf = (token: string) => csrfToken(secret, `nop:${token}`);
  /** Binds a stored file to this link, so a form can keep it without the unit choosing it again. */
  const keptMark = (token: string) => (name: string) => hmac(derivedKey(secret, 'kept'), `${token}\n${name}`);

  const render = async (
    c: C,
    values: SubmissionFormValues,
    errors: string[],
    status: FormStatus,
    extras: PageExtras = {},
  ) => {
    const token = c.get('token');
    const unit = c.get('unit');
    const detail = c.get('detail');
    const receipt = extras.receiptVersion ? unit.versions.find((v) => v.version === extras.receiptVersion) : undefined;
    const own = await unitDifficulties(deps.client, c.get('access').plan, unit.unit);
    const raise = {
      own,
      values: extras.raise?.values ?? { text: '', raisedBy: detail.ctx.units[unit.unit]?.head.name ?? '' },
      errors: extras.raise?.errors ?? [],
      sent: own.some((d) => d.id === extras.raised) ? extras.raised : undefined,
    };
    const model = { token, csrf: csrfOf(token), keptMark: keptMark(token), detail, unit };
    return c.html(submitPage({ ...model, lang: langOf(c), values, errors, receipt, raise }), status);
  };

  /** The submission form as a GET shows it: the last version to revise, or empty with the unit head's name. */
  const startValues = (c: C) => {
    const last = c.get('unit').versions.at(-1);
    return last
      ? valuesFrom(last.submission)
      : emptyValues(c.get('detail').ctx.units[c.get('unit').unit]?.head.name ?? '');
  };

  // Every route under the token: the link is verified once (signature, item, expiry on plan time, unit).
  app.use('/:token/*', itemLinkGuard(deps));

  app.get('/:token', (c) => {
    const positive = (name: string) => {
      const n = Number(c.req.query(name));
      return Number.isInteger(n) && n > 0 ? n : undefined;
    };
    return render(c, startValues(c), [], 200, { receiptVersion: positive('v'), raised: positive('kn') });
  });

  app.route(
    '/',
    difficultyRoutes(deps, (c, raise, status) => render(c, startValues(c), [], status, { raise })),
  );

  // Every file at its limit plus the text fields; a single oversized file is refused below with its name.
  const uploadLimit = bodyLimit({
    maxSize: UPLOAD_LIMITS.files * UPLOAD_LIMITS.bytesPerFile + 1024 * 1024,
    onError: (c) => refuse(c, 413, 'tooLarge', (t) => t.refusalDetails.uploadLimits(UPLOAD_LIMITS.files)),
  });

  app.post('/:token', uploadLimit, async (c) => {
    const lang = langOf(c);
    const t = texts(lang).formErrors;
    const token = c.get('token');
    const read = await readForm(c);
    if ('refused' in read) return read.refused;
    const body = read.form;
    if (!csrfValid(secret, `nop:${token}`, body[CSRF_FIELD])) return refuse(c, 403, 'badForm');
    const detail = c.get('detail');
    if (detail.status.closed) return refuse(c, 409, 'itemClosed');
    const mark = keptMark(token);
    const { values, refusedKept } = formValues(
      body,
      detail.item.forms,
      (name, given) => sameString(given, mark(name)),
      unitDuties(detail.item, c.get('access').ref.unit),
    );
    const again = (errors: string[], status: FormStatus) => render(c, values, errors, status);
    if (refusedKept) return again([t.keptNotOwn], 400);
    if (c.get('unit').phase === 'accepted') return again([t.alreadyAccepted], 409);

    const files = chosenFiles(body);
    if (files.length + values.kept.length > UPLOAD_LIMITS.files)
      return again([t.tooManyFiles(UPLOAD_LIMITS.files)], 413);
    // Stored files join `kept` at once, so a refused form comes back without asking for them again.
    for (const file of files) {
      try {
        values.kept.push(await storeEvidence(file, deps.blobs));
      } catch (err) {
        if (!(err instanceof UploadRefused)) throw err;
        const refusal = err.status === 413 ? t.fileTooLarge : t.fileWrongType;
        return again([refusal(file.name, err.message)], err.status);
      }
    }
    const built = toSubmission(values, deps.config.PORTAL_BASE_URL, lang);
    if (!built.ok) return again(built.errors, 400);
    const { plan, ref } = c.get('access');
    try {
      const receipt = await submitReport(
        deps.client,
        plan,
        ref.itemId,
        { ...built.input, unit: ref.unit },
        { updateId: `nop:${ref.unit}:${values.attempt}` },
      );
      // Post/redirect/get: reloading the receipt page never submits twice.
      const query = new URLSearchParams({ v: String(receipt.version), ...(lang === 'en' ? { lang } : {}) });
      return c.redirect(`/nop/${token}?${query.toString()}`, 303);
    } catch (err) {
      // The item closed between reading it and submitting.
      if (isNotFound(err)) return refuse(c, 409, 'itemClosed');
      if (!(err instanceof RequestRejectedError)) throw err;
      // Refused before it reached the history: the corrected form is a submission of its own.
      values.attempt = newAttempt();
      return again([t.reportRefused(err.message)], 422);
    }
  });

  /** Evidence of this unit's own submissions on this item, from the blob store only. */
  app.get('/:token/minh-chung/:name', async (c) => {
    const name = c.req.param('name');
    if (!isStoredName(name)) return refuse(c, 404, 'pageNotFound');
    const own = c.get('unit').versions.some((v) => v.submission.evidence.some((e) => storedNameOf(e.url) === name));
    if (!own) return refuse(c, 404, 'pageNotFound');
    return serveStored(c, deps.blobs, name);
  });

  return app;
}
