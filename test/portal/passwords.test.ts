import { describe, expect, it } from 'vitest';
import { planRefOf } from '../../portal/item-token.js';
import { hashPassword, parseUsers, verifyPassword } from '../../portal/passwords.js';

describe('office passwords (scrypt) and PORTAL_USERS', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('mật khẩu dài 123');
    const b = await hashPassword('mật khẩu dài 123');
    expect(a).toMatch(/^scrypt\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword('mật khẩu dài 123', a)).resolves.toBe(true);
    await expect(verifyPassword('mật khẩu dài 124', a)).resolves.toBe(false);
    await expect(verifyPassword('x', 'md5$abc')).resolves.toBe(false);
  });

  it('reads user:hash pairs and names a bad entry', () => {
    expect([...parseUsers('an:scrypt$s$h, binh:scrypt$t$k').keys()]).toEqual(['an', 'binh']);
    expect(parseUsers('').size).toBe(0);
    expect(() => parseUsers('an:plaintext')).toThrow(/PORTAL_USERS: "an:plaintext" is not user:scrypt\$salt\$hash/);
  });
});

describe('planRefOf: the plan behind a link’s item workflow id', () => {
  it('keeps dashes in organisation codes and refuses ids that do not match the item', () => {
    expect(planRefOf('plan-SGDDT-HCM-2022-task-03', 'task-03')).toEqual({ org: 'SGDDT-HCM', year: 2022 });
    expect(planRefOf('plan-SKEL-2026-report-adhoc-1', 'report-adhoc-1')).toEqual({ org: 'SKEL', year: 2026 });
    expect(planRefOf('plan-SKEL-2026-task-03', 'task-04')).toBeUndefined();
    expect(planRefOf('other-SKEL-2026-task-03', 'task-03')).toBeUndefined();
  });
});
