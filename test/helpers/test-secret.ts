import { randomBytes } from 'node:crypto';

/** A fresh LINK_SECRET per test process: any value written in the repository is refused by the config. */
export const TEST_LINK_SECRET = randomBytes(32).toString('base64url');
