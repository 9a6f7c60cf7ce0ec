import { attemptOf } from './form-attempt.js';
import { Hono, type Context } from 'hono';
import {
  answerDifficulty,
  getPlanDefinition,
  getPlanStatus,
  pauseReminders,
  RequestRejectedError,
  requestAdHocReport,
  resumeReminders,
  updateCalendar,
  type PlanRef,
} from '../client/plan-client.js';
import { parseCalendarText } from '../domain/calendar-file.js';
import { DIFFICULTY_LIMITS } from '../domain/difficulties.js';
import { validateBlobKey } from '../storage/blob-store.js';
import { archivePrefix, readPlanArchive } from '../storage/plan-archive.js';
import { may } from './access/permissions.js';
import { auditTrail } from './audit-trail.js';
import { withStatuses } from './item-states.js';
import { childrenOf } from '../organisations/tree.js';
import type { ResolvedDeps } from './deps.js';
import { typedText } from './difficulty-form.js';
import { isNotFound } from './errors.js';
import { field, fields } from './form-body.js';
import { langOf } from './i18n.js';
import type { OfficeEnv } from './office-env.js';
import { planParam } from './office-params.js';
import { done, officeView, orNotFound } from './office-view.js';
import { archivedPlanPage } from './pages/archived-plan-page.js';
import { auditPage } from './pages/audit-page.js';
import { dayOf } from './pages/difficulty-parts.js';
import type { AnswerDraft } from './pages/difficulty-table.js';
import { planPage, type AdHocValues, type MatrixItem } from './pages/plan-page.js';
import { planYearProvisional } from './plan-calendar.js';
import { refuse } from './refusals.js';
import { texts } from './texts/index.js';

/** What a refused form on the plan page brings back: what was typed and why. */
interface Refused {
  adHoc?: AdHocValues;
  answerDraft?: AnswerDraft;
  errors?: string[];
}

/**
 * `/van-phong/:org/:year`: one plan's matrix, its ad hoc requests, its reminders switch, the units' difficulties
 * and the official calendar.
 */
export function planRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();

  /** The matrix, with every running item's current status (closed items carry their result). */
  const show = async (c: Context<OfficeEnv>, ref: PlanRef, status: 200 | 422, refused: Refused = {}) => {
    const [planStatus, plan] = await Promise.all([
      getPlanStatus(deps.client, ref),
      getPlanDefinition(deps.client, ref),
    ]);
    const calendarProvisional = planYearProvisional(planStatus);
    const items: MatrixItem[] = await withStatuses(deps.client, ref, planStatus.items);
    const { adHoc, answerDraft, errors } = refused;
    // An archive that failed at close may have been written since (`kehoach plan archive`).
    const archivedAgainAt =
      planStatus.archive && 'error' in planStatus.archive
        ? (await readPlanArchive(deps.blobs, ref.org, ref.year).catch(() => undefined))?.plan.archivedAt
        : undefined;
    const below = childrenOf(deps.directory, ref.org);
    const model = { status: planStatus, plan, items, adHoc, answerDraft, calendarProvisional, archivedAgainAt, below };
    const view = officeView(c, deps, errors);
    view.readOnly = !may(c.get('roles'), { do: 'steer-plan', org: ref.org });
    return c.html(planPage(view, model), status);
  };

  /** Who did what and when: the plan's amendments and answers, and every message its items received. */
  app.get('/:org/:year/nhat-ky', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    return orNotFound(c, async () => {
      const [status, plan] = await Promise.all([getPlanStatus(deps.client, ref), getPlanDefinition(deps.client, ref)]);
      const entries = await auditTrail(deps.client, status);
      return c.html(auditPage(officeView(c, deps), { ref, zone: plan.organisation.timeZone, entries }));
    });
  });

  // Once Temporal deleted the closed plan (after the namespace's retention), the year is read from its archive.
  app.get('/:org/:year', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    try {
      return await show(c, ref, 200);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      const archived = await readPlanArchive(deps.blobs, ref.org, ref.year);
      if (!archived) return refuse(c, 404, 'planNotFound');
      return c.html(archivedPlanPage(officeView(c, deps), archived));
    }
  });

  /**
   * A file of the plan-year's archive (`?f=reports/report-Q1/….docx`, `?f=plan.json`), always as a download: an
   * archived HTML report or JSON never renders in the portal's origin.
   */
  app.get('/:org/:year/luu-tru', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    let key: string;
    try {
      key = validateBlobKey(archivePrefix(ref.org, ref.year) + (c.req.query('f') ?? ''));
    } catch {
      return refuse(c, 404, 'pageNotFound');
    }
    const blob = await deps.blobs.get(key);
    if (!blob) return refuse(c, 404, 'pageNotFound');
    const name = blob.fileName ?? key.slice(key.lastIndexOf('/') + 1);
    const ascii = name.replace(/[^A-Za-z0-9._-]/g, '_');
    return c.body(new Uint8Array(blob.body), 200, {
      'Content-Type': blob.contentType,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.post('/:org/:year/dot-xuat', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    const form = c.get('form');
    const req = {
      title: field(form, 'title').trim(),
      content: field(form, 'content').trim(),
      dueDate: field(form, 'dueDate'),
      units: fields(form, 'units'),
    };
    try {
      await requestAdHocReport(
        deps.client,
        ref,
        { ...req, by: c.get('session').user },
        { updateId: `dot-xuat:${attemptOf(form)}` },
      );
      return done(c, `/van-phong/${ref.org}/${ref.year}`, 'adhoc');
    } catch (err) {
      // Refused by the plan before it reached the history: the corrected form is a request of its own.
      if (err instanceof RequestRejectedError) return show(c, ref, 422, { adHoc: req, errors: [err.message] });
      throw err;
    }
  });

  /** The approved calendar, uploaded as a file: the plan takes it for items not yet open and tells running ones. */
  app.post('/:org/:year/lich', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    const file = c.get('form').calendarFile;
    const lang = officeView(c, deps).lang;
    const text = file instanceof File ? await file.text() : '';
    const parsed = parseCalendarText(text, lang);
    if (!parsed.ok) return show(c, ref, 422, { errors: parsed.problems });
    try {
      await updateCalendar(deps.client, ref, parsed.years);
      return done(c, `/van-phong/${ref.org}/${ref.year}`, 'calendar');
    } catch (err) {
      if (err instanceof RequestRejectedError) return show(c, ref, 422, { errors: [err.message] });
      throw err;
    }
  });

  /** The office answers a unit's difficulty, once; the unit sees it on its page and the next report lists it. */
  app.post('/:org/:year/kien-nghi', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    const t = texts(langOf(c)).difficulties;
    const form = c.get('form');
    const id = Number(field(form, 'id'));
    if (!Number.isInteger(id) || id < 1)
      return refuse(c, 400, 'malformedBody', (all) => all.refusalDetails.difficultyId);
    const answer = typedText(field(form, 'answer'));
    const again = (why: string) => show(c, ref, 422, { answerDraft: { id, text: answer }, errors: [why] });
    return orNotFound(c, async () => {
      if (!answer.trim()) return again(t.answerMissing(id));
      if (answer.length > DIFFICULTY_LIMITS.textChars)
        return again(t.tooLong(t.answer, answer.length, DIFFICULTY_LIMITS.textChars));
      try {
        await answerDifficulty(deps.client, ref, { id, answer, by: c.get('session').user });
        return done(c, `/van-phong/${ref.org}/${ref.year}`, 'answered');
      } catch (err) {
        if (!(err instanceof RequestRejectedError)) throw err;
        // Answered before (twice, or by a colleague meanwhile): by whom and when, in the page's words.
        const [status, plan] = await Promise.all([
          getPlanStatus(deps.client, ref),
          getPlanDefinition(deps.client, ref),
        ]);
        const given = status.difficulties.find((d) => d.id === id)?.answer;
        const zone = plan.organisation.timeZone;
        return again(given ? t.alreadyAnswered(id, given.by, dayOf(given.at, zone)) : t.answerRefused(err.message));
      }
    });
  });

  // Pausing is a signal: it cannot be refused, and the plan forwards it to every running item.
  app.post('/:org/:year/nhac-han', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    const action = field(c.get('form'), 'action');
    if (action !== 'pause' && action !== 'resume')
      return refuse(c, 400, 'malformedBody', (t) => t.refusalDetails.reminderAction);
    return orNotFound(c, async () => {
      await (action === 'pause' ? pauseReminders : resumeReminders)(deps.client, ref, c.get('session').user);
      return done(c, `/van-phong/${ref.org}/${ref.year}`, action === 'pause' ? 'paused' : 'resumed');
    });
  });

  return app;
}
