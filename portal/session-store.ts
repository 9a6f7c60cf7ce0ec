/**
 * The sessions that are open: a signed cookie alone cannot be taken back, so each request's session id must also be
 * found here, and logging out removes it. Every portal replica must see the same store (one in-process store is
 * correct only for a single portal, as `npm start` runs).
 */
export interface SessionStore {
  open(sid: string, expiresAtMs: number, nowMs: number): Promise<void>;
  isOpen(sid: string, nowMs: number): Promise<boolean>;
  close(sid: string): Promise<void>;
}

/** The in-process store: a map of session id to expiry, pruned as sessions are opened. */
export function memorySessionStore(): SessionStore {
  const open = new Map<string, number>();
  return {
    async open(sid, expiresAtMs, nowMs) {
      for (const [id, exp] of open) if (exp <= nowMs) open.delete(id);
      open.set(sid, expiresAtMs);
    },
    async isOpen(sid, nowMs) {
      const exp = open.get(sid);
      return exp !== undefined && exp > nowMs;
    },
    async close(sid) {
      open.delete(sid);
    },
  };
}

/** How long a session lasts after login. */
export const SESSION_HOURS = 8;
