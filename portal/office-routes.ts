import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  extendDeadline,
  getItemDetail,
  getItemStatus,
  getPlanDefinition,
  getPlanStatus,
  amendPlan,
  pauseReminders,
  planHandle,
  requestAdHocReport,
  resumeReminders,
  RequestRejectedError,
  reviewSubmission,
  startPlan,
  type PlanRef,
} from '../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../domain/ids.js';
import type { ResolvedDeps } from './deps.js';
import { isNotFound } from './errors.js';
import { langOf, tr, withLang } from './i18n.js';
import { messagePage } from './layout.js';
import { refuse } from './refusals.js';
import type { OfficeEnv } from './office-env.js';
import { officeGuard } from './office-guard.js';
import { dashboardPage, itemPage, matrixPage, type MatrixItem, type OfficeView } from './office-pages.js';
import { listPlans } from './plan-list.js';
import { parsePlanText } from '../domain/plan-file.js';
import { resolveInside } from './safe-path.js';
import { serveStored } from './submit-routes.js';
import type { FormBody } from './form-body.js';
import { isStoredName } from './uploads.js';

type C = Context<OfficeEnv>;

const NOTICES = {
  started: ['Đã khởi động kế hoạch.', 'The plan was started.'],
  running: [
    'Kế hoạch này đã đang chạy; không khởi động lại. Để điều chỉnh, nộp lại tệp kèm ghi chú điều chỉnh.',
    'This plan was already running; nothing was restarted. To amend it, upload the file again with a note.',
  ],
  amended: [
    'Đã điều chỉnh kế hoạch (phiên bản mới): nhiệm vụ mới được lên lịch, nhiệm vụ bỏ được đóng, nhiệm vụ đang chạy được cập nhật.',
    'The plan was amended (a new version): new items are scheduled, dropped ones closed, running ones updated.',
  ],
  accepted: ['Đã duyệt báo cáo.', 'The report was accepted.'],
  returned: [
    'Đã trả lại báo cáo kèm ý kiến; đơn vị đã được báo qua e-mail.',
    'The report was returned with the comment; the unit is told by e-mail.',
  ],
  extended: ['Đã gia hạn; đơn vị đã được báo qua e-mail.', 'The deadline was extended; the unit is told by e-mail.'],
  adhoc: ['Đã gửi yêu cầu báo cáo đột xuất.', 'The ad hoc report was requested.'],
  paused: [
    'Đã tạm dừng nhắc hạn: các đơn vị không nhận e-mail nhắc cho đến khi tiếp tục; báo quá hạn vẫn gửi.',
    'Reminders are paused: units get no reminder e-mails until they resume; overdue notices still go out.',
  ],
  resumed: ['Đã tiếp tục nhắc hạn.', 'Reminders resumed.'],
} as const;

const field = (form: FormBody, name: string): string => (typeof form[name] === 'string' ? (form[name] as string) : '');
const fields = (form: FormBody, name: string): string[] => {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
};

/** The org/year in the path, checked: they become a workflow id. */
function planRefOf(c: C): PlanRef | undefined {
  const org = c.req.param('org') ?? '';
  const year = Number(c.req.param('year'));
  return /^[A-Z0-9][A-Z0-9-]{0,31}$/.test(org) && Number.isInteger(year) && year >= 2000 && year <= 2100
    ? { org, year }
    : undefined;
}

/** Office pages under `/van-phong` (and evidence files at `/minh-chung`), all behind the session guard. */
export function officeRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();
  const { config } = deps;
  const view = (c: C, extra: Partial<OfficeView> = {}): OfficeView => {
    const lang = langOf(c);
    const key = c.req.query('ok') as keyof typeof NOTICES | undefined;
    const notice = key && key in NOTICES ? tr(lang, NOTICES[key][0], NOTICES[key][1]) : undefined;
    return {
      lang,
      user: c.get('session').user,
      csrf: c.get('csrf'),
      temporalUi: config.TEMPORAL_UI_URL,
      namespace: config.TEMPORAL_NAMESPACE,
      notice,
      ...extra,
    };
  };
  const notFound = (c: C) => {
    const lang = langOf(c);
    return c.html(
      messagePage(
        lang,
        c.req.path,
        tr(lang, 'Không tìm thấy', 'Not found'),
        tr(lang, 'Không tìm thấy kế hoạch hoặc nhiệm vụ này.', 'No such plan or item.'),
      ),
      404,
    );
  };
  const done = (c: C, path: string, notice: keyof typeof NOTICES) =>
    c.redirect(withLang(`${path}?ok=${notice}`, langOf(c)), 303);

  // Limit before the guard reads the body: a plan file and office forms are small.
  const limit = bodyLimit({ maxSize: 1024 * 1024, onError: (c) => refuse(c, 413, 'tooLarge') });
  app.use('/van-phong/*', limit);
  app.use('/van-phong', officeGuard(deps));
  app.use('/van-phong/*', officeGuard(deps));
  app.use('/minh-chung/*', officeGuard(deps));

  app.get('/van-phong', async (c) => {
    const { plans, searchFailed } = await listPlans(deps);
    return c.html(dashboardPage(view(c), plans, searchFailed));
  });

  app.get('/van-phong/mo', (c) => {
    const org = (c.req.query('org') ?? '').trim().toUpperCase();
    const year = Number(c.req.query('year'));
    if (!/^[A-Z0-9][A-Z0-9-]{0,31}$/.test(org) || !Number.isInteger(year))
      return c.redirect(withLang('/van-phong', langOf(c)), 303);
    return c.redirect(withLang(`/van-phong/${org}/${year}`, langOf(c)), 303);
  });

  app.post('/van-phong/ke-hoach', async (c) => {
    const lang = langOf(c);
    const form = c.get('form');
    const file = form.planFile;
    const fromFile = file instanceof File && file.size > 0;
    const text = fromFile ? await file.text() : field(form, 'planText');
    const fileName = fromFile ? basename(file.name) : tr(lang, 'nội-dung-dán.yaml', 'pasted.yaml');
    const parsed = parsePlanText(text, fileName, lang);
    if (!parsed.ok) {
      const { plans, searchFailed } = await listPlans(deps);
      return c.html(dashboardPage(view(c), plans, searchFailed, parsed.problems, fromFile ? '' : text), 422);
    }
    const { plan } = parsed;
    const ref = { org: plan.organisation.code, year: plan.plan.year };
    // startPlan's own `started` flag is true for a reused run too (the handle's first run id is the existing one),
    // so ask first: a running plan is never restarted, only reported.
    const running = await planHandle(deps.client, ref)
      .describe()
      .then((d) => d.status.name === 'RUNNING')
      .catch((err: unknown) => {
        if (isNotFound(err)) return false;
        throw err;
      });
    // A running plan with a note is amended (a new version of the same plan-year); without one it is only reported.
    const note = field(form, 'amendNote').trim();
    if (running && note) {
      try {
        await amendPlan(deps.client, ref, { plan, note, by: c.get('session').user });
      } catch (err) {
        if (!(err instanceof RequestRejectedError)) throw err;
        const { plans, searchFailed } = await listPlans(deps);
        return c.html(dashboardPage(view(c, { errors: [err.message] }), plans, searchFailed), 422);
      }
      return done(c, `/van-phong/${ref.org}/${ref.year}`, 'amended');
    }
    if (!running)
      await startPlan(deps.client, plan, {
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        clock: plan.demo ? { speed: plan.demo.speed } : undefined,
      });
    if (!deps.plans.some((p) => p.org === ref.org && p.year === ref.year)) deps.plans.push(ref);
    return done(c, `/van-phong/${ref.org}/${ref.year}`, running ? 'running' : 'started');
  });

  /** Report files, from REPORTS_DIR only. */
  app.get('/van-phong/bao-cao', async (c) => {
    const path = await resolveInside(config.REPORTS_DIR, c.req.query('f') ?? '');
    if (!path) return refuse(c, 404, 'pageNotFound');
    return c.body(await readFile(path), 200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(basename(path))}`,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  const matrix = async (
    c: C,
    ref: PlanRef,
    status: number,
    adHoc?: Parameters<typeof matrixPage>[4],
    errors?: string[],
  ) => {
    const [planStatus, plan] = await Promise.all([
      getPlanStatus(deps.client, ref),
      getPlanDefinition(deps.client, ref),
    ]);
    const items: MatrixItem[] = await Promise.all(
      planStatus.items.map(async (entry) => ({
        entry,
        status:
          entry.result ??
          (entry.phase === 'running'
            ? await getItemStatus(deps.client, ref, entry.itemId).catch(() => undefined)
            : undefined),
      })),
    );
    return c.html(matrixPage(view(c, { errors }), planStatus, plan, items, adHoc), status as 200);
  };

  app.get('/van-phong/:org/:year', async (c) => {
    const ref = planRefOf(c);
    if (!ref) return notFound(c);
    try {
      return await matrix(c, ref, 200);
    } catch (err) {
      if (isNotFound(err)) return notFound(c);
      throw err;
    }
  });

  app.post('/van-phong/:org/:year/dot-xuat', async (c) => {
    const ref = planRefOf(c);
    if (!ref) return notFound(c);
    const form = c.get('form');
    const req = {
      title: field(form, 'title').trim(),
      content: field(form, 'content').trim(),
      dueDate: field(form, 'dueDate'),
      units: fields(form, 'units'),
    };
    try {
      await requestAdHocReport(deps.client, ref, { ...req, by: c.get('session').user });
      return done(c, `/van-phong/${ref.org}/${ref.year}`, 'adhoc');
    } catch (err) {
      if (err instanceof RequestRejectedError) return matrix(c, ref, 422, req, [err.message]);
      throw err;
    }
  });

  // Pausing is a signal: it cannot be refused, and the plan forwards it to every running item.
  app.post('/van-phong/:org/:year/nhac-han', async (c) => {
    const ref = planRefOf(c);
    if (!ref) return notFound(c);
    const action = field(c.get('form'), 'action');
    if (action !== 'pause' && action !== 'resume')
      return refuse(c, 400, 'malformedBody', [
        'Thao tác phải là tạm dừng hoặc tiếp tục.',
        'The action must be pause or resume.',
      ]);
    try {
      await (action === 'pause' ? pauseReminders : resumeReminders)(deps.client, ref, c.get('session').user);
    } catch (err) {
      if (isNotFound(err)) return notFound(c);
      throw err;
    }
    return done(c, `/van-phong/${ref.org}/${ref.year}`, action === 'pause' ? 'paused' : 'resumed');
  });

  const item = async (c: C, ref: PlanRef, itemId: string, status: number, errors?: string[]) => {
    const detail = await getItemDetail(deps.client, ref, itemId);
    return c.html(
      itemPage(view(c, { errors }), ref, detail, itemWorkflowId(planWorkflowId(ref.org, ref.year), itemId)),
      status as 200,
    );
  };
  const itemIdOf = (c: C) => {
    const id = c.req.param('item') ?? '';
    return /^(task|report)-[A-Za-z0-9-]{1,40}$/.test(id) ? id : undefined;
  };

  app.get('/van-phong/:org/:year/:item', async (c) => {
    const ref = planRefOf(c);
    const itemId = itemIdOf(c);
    if (!ref || !itemId) return notFound(c);
    try {
      return await item(c, ref, itemId, 200);
    } catch (err) {
      if (isNotFound(err)) return notFound(c);
      throw err;
    }
  });

  app.post('/van-phong/:org/:year/:item/duyet', async (c) => {
    const ref = planRefOf(c);
    const itemId = itemIdOf(c);
    if (!ref || !itemId) return notFound(c);
    const form = c.get('form');
    const decision = field(form, 'decision') === 'accept' ? 'accept' : 'return';
    try {
      await reviewSubmission(deps.client, ref, itemId, {
        unit: field(form, 'unit'),
        decision,
        comment: field(form, 'comment').trim(),
        by: c.get('session').user,
      });
      return done(c, `/van-phong/${ref.org}/${ref.year}/${itemId}`, decision === 'accept' ? 'accepted' : 'returned');
    } catch (err) {
      if (err instanceof RequestRejectedError) return item(c, ref, itemId, 422, [err.message]);
      throw err;
    }
  });

  app.post('/van-phong/:org/:year/:item/gia-han', async (c) => {
    const ref = planRefOf(c);
    const itemId = itemIdOf(c);
    if (!ref || !itemId) return notFound(c);
    const form = c.get('form');
    try {
      await extendDeadline(deps.client, ref, itemId, {
        unit: field(form, 'unit'),
        newDate: field(form, 'newDate'),
        reason: field(form, 'reason').trim(),
        by: c.get('session').user,
      });
      return done(c, `/van-phong/${ref.org}/${ref.year}/${itemId}`, 'extended');
    } catch (err) {
      if (err instanceof RequestRejectedError) return item(c, ref, itemId, 422, [err.message]);
      throw err;
    }
  });

  /** Evidence files for the office, from UPLOADS_DIR only and only under the names the store gives them. */
  app.get('/minh-chung/:name', (c) => {
    const name = c.req.param('name');
    if (!isStoredName(name)) return refuse(c, 404, 'pageNotFound');
    return serveStored(c, config.UPLOADS_DIR, name);
  });

  return app;
}
