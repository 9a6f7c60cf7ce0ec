import type { FormBody } from './form-body.js';
import type { Role } from './access/roles.js';
import type { Session } from './session.js';

/** What the office guard puts on the context for the office routes. */
export interface OfficeEnv {
  Variables: {
    session: Session;
    /** The POST body, parsed once by the guard (which checked its CSRF token). */
    form: FormBody;
    /** The CSRF token for forms on the page being rendered. */
    csrf: string;
    /** What the signed-in person may do, looked up for this request (portal/access/). */
    roles: Role[];
  };
}
