/**
 * The office dashboard lists plans from Temporal's visibility search only, so it runs on the dev server (the
 * time-skipping server cannot search; attacks.test.ts and browser.test.ts check what the dashboard says there).
 */
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { createPortalApp } from '../../portal/app.js';
import { hashPassword } from '../../portal/passwords.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { portalClient } from '../helpers/portal-client.js';
import { portalTestConfig } from '../helpers/portal-server.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';
import { useTestStack } from '../helpers/test-stack.js';

describe('the office dashboard on a server that can search', () => {
  const stack = useTestStack({ server: 'dev' });

  it('lists every running plan, the ones started elsewhere and the ones uploaded here, newest year first', async () => {
    const { env } = stack();
    const config = portalTestConfig({
      PORTAL_BASE_URL: 'http://portal.test',
      PORTAL_USERS: `vanphong:${await hashPassword('mat-khau-van-phong')}`,
    });
    const office = portalClient(createPortalApp({ client: env.client, config }));
    await office.login('vanphong', 'mat-khau-van-phong');
    // One plan started by another client (the CLI, `npm start`), one uploaded through the portal.
    await startPlan(env.client, skeletonPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    const plan = JSON.parse(JSON.stringify(skeletonPlan).replaceAll('2026', '2027')) as typeof skeletonPlan;
    plan.organisation.code = 'UPL';
    const upload = await office.post('/van-phong/ke-hoach', {
      _csrf: await office.csrfOf('/van-phong'),
      planFile: new File([stringify(plan)], 'ke-hoach-upl.yaml'),
    });
    expect(upload.headers.get('location')).toBe('/van-phong/UPL/2027?ok=started');

    // Visibility is eventually consistent: the dev server indexes a new workflow within a second or so.
    let page = '';
    for (let i = 0; i < 50 && !(page.includes('SKEL 2026') && page.includes('UPL 2027')); i++) {
      if (i) await new Promise((r) => setTimeout(r, 200));
      page = await (await office.get('/van-phong')).text();
    }
    expect(page).toContain('<a href="/van-phong/SKEL/2026">SKEL 2026</a>');
    expect(page).toContain('Số 01/KH-SGDĐT: Kế hoạch thử nghiệm năm 2026');
    expect(page).toContain('<a href="/van-phong/UPL/2027">UPL 2027</a>');
    expect(page.indexOf('UPL 2027')).toBeLessThan(page.indexOf('SKEL 2026'));
    expect(page).not.toContain('không hỗ trợ tìm kiếm');
    expect(page).not.toContain('Chưa có kế hoạch nào.');
  });
});
