import type { OfficialState, UnitPhase } from '../workflows/item-types.js';
import { tr, type Lang } from './i18n.js';

/** The four official completion states with the colours offices use on their tracking sheets. */
export const STATE_STYLE: Record<OfficialState, { colour: string; vi: string; en: string }> = {
  'done-on-time': { colour: '#1e7b34', vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  'done-late': { colour: '#d9730d', vi: 'Hoàn thành quá hạn', en: 'Done late' },
  'pending-in-time': { colour: '#1f6feb', vi: 'Chưa hoàn thành, trong hạn', en: 'Not done, in time' },
  overdue: { colour: '#c62828', vi: 'Quá hạn', en: 'Overdue' },
};

export function stateLabel(state: OfficialState, lang: Lang): string {
  const s = STATE_STYLE[state];
  return tr(lang, s.vi, s.en);
}

const PHASES: Record<UnitPhase, [string, string]> = {
  open: ['Chưa nộp', 'Not submitted'],
  submitted: ['Đã nộp, chờ duyệt', 'Submitted, awaiting review'],
  returned: ['Trả lại để bổ sung', 'Returned for revision'],
  accepted: ['Đã duyệt', 'Accepted'],
  dropped: ['Đã chuyển đơn vị khác', 'Reassigned'],
};

export function phaseLabel(phase: UnitPhase, lang: Lang): string {
  const [vi, en] = PHASES[phase];
  return tr(lang, vi, en);
}
