import type { OrganisationDirectory } from '../../organisations/directory-schema.js';
import type { PlanDraftRecord } from './draft-store.js';

/**
 * What a new plan starts from, never saved until the office presses a button: the organisation's code, and what the
 * organisations directory already says of it (its name, the body it reports to, its office's and director's e-mail).
 */
export function blankDraft(org: string, directory: OrganisationDirectory): Pick<PlanDraftRecord, 'raw' | 'marked'> {
  const entry = directory.organisations.find((o) => o.code === org);
  const raw: Record<string, unknown> = {
    organisation: {
      code: org,
      ...(entry ? { name: entry.name } : {}),
      ...(entry?.parent ? { reportsTo: entry.parent } : {}),
    },
  };
  if (entry) raw.office = { email: entry.office };
  if (entry?.director) raw.director = { email: entry.director };
  return { raw, marked: [] };
}
