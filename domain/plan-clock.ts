/**
 * Maps real (workflow) time to plan time. In production `speed` is 1 and the anchors coincide, so plan time is
 * real time. A demo (`npm start`) runs faster (`speed: 1440` = one plan day per real minute); tests may anchor a
 * past plan year at "now" so the official 2026 calendar can be replayed on the time-skipping server.
 * This is the one place where the mapping lives.
 */
export interface PlanClock {
  speed: number;
  /** Real epoch ms at which plan time was `planAnchorMs`. */
  realAnchorMs: number;
  planAnchorMs: number;
}

/** How a caller asks for a clock: omit for real time; `planStart` anchors plan time at the workflow's start. */
export interface ClockRequest {
  speed?: number;
  planStart?: string;
}

/** Fixes the anchors once, at the plan workflow's first run (`realNowMs` = workflow time then). */
export function anchorClock(request: ClockRequest | undefined, realNowMs: number): PlanClock {
  const planAnchorMs = request?.planStart ? Date.parse(request.planStart) : realNowMs;
  if (Number.isNaN(planAnchorMs)) throw new Error(`clock.planStart: "${request?.planStart}" is not an ISO instant`);
  return { speed: request?.speed ?? 1, realAnchorMs: realNowMs, planAnchorMs };
}

/** Plan time (epoch ms) at a real instant. Example: speed 1440, 1 real minute after the anchor → anchor + 1 day. */
export function planTimeAt(clock: PlanClock, realNowMs: number): number {
  return clock.planAnchorMs + (realNowMs - clock.realAnchorMs) * clock.speed;
}

/** Real milliseconds to wait until plan instant `planTargetMs` (never negative). */
export function realDelayUntil(clock: PlanClock, planTargetMs: number, realNowMs: number): number {
  return Math.max(0, Math.ceil((planTargetMs - planTimeAt(clock, realNowMs)) / clock.speed));
}
