import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Search attributes shown in the Temporal UI, prefixed `Kh` to avoid clashes with other apps' attributes. */
export const KhOrg = defineSearchAttributeKey('KhOrg', SearchAttributeType.KEYWORD);
export const KhYear = defineSearchAttributeKey('KhYear', SearchAttributeType.INT);
/** `plan`, `task` or `report`. */
export const KhKind = defineSearchAttributeKey('KhKind', SearchAttributeType.KEYWORD);
/** `task-03`, `report-Q1`. */
export const KhItem = defineSearchAttributeKey('KhItem', SearchAttributeType.KEYWORD);
/** Month (1–12) of the item's deadline, so "everything due in March" is one search. */
export const KhMonth = defineSearchAttributeKey('KhMonth', SearchAttributeType.INT);
export const KhUnits = defineSearchAttributeKey('KhUnits', SearchAttributeType.KEYWORD_LIST);
/** Units past their deadline without a submission; unset when none, so `KhOverdueUnits IS NOT NULL` finds them. */
export const KhOverdueUnits = defineSearchAttributeKey('KhOverdueUnits', SearchAttributeType.KEYWORD_LIST);
export const KhNextDeadline = defineSearchAttributeKey('KhNextDeadline', SearchAttributeType.DATETIME);
/** True while an item has a step that failed for good and waits for the office's retry (`KhIncident = true`). */
export const KhIncident = defineSearchAttributeKey('KhIncident', SearchAttributeType.BOOL);
/** Every e-mail address a plan names (office, director, unit heads), lower-cased: a person's plans in one search. */
export const KhPeople = defineSearchAttributeKey('KhPeople', SearchAttributeType.KEYWORD_LIST);
/** `scheduled`, `open`, `overdue`, `done`, `cancelled`. */
export const KhStatus = defineSearchAttributeKey('KhStatus', SearchAttributeType.KEYWORD);

/** Every key, for registering them on a server. */
export const ALL_SEARCH_ATTRIBUTES = [
  KhOrg,
  KhYear,
  KhKind,
  KhItem,
  KhMonth,
  KhUnits,
  KhOverdueUnits,
  KhNextDeadline,
  KhStatus,
  KhIncident,
  KhPeople,
];
