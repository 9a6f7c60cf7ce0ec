import type { OrganisationDirectory } from '../../organisations/directory-schema.js';
import { draftFromText } from '../../plan-draft/draft-from-text.js';
import type { MarkedField } from '../../plan-draft/draft-from-text.js';
import { fold } from '../../plan-draft/paragraphs.js';

/** A draft as the editor keeps it: the plan file's shape, possibly incomplete, and what is marked for the clerk. */
export interface DocumentDraft {
  raw: Record<string, unknown>;
  marked: MarkedField[];
}

const sameName = (a: string, b: string) => fold(a).replace(/\s+/g, ' ').trim() === fold(b).replace(/\s+/g, ' ').trim();

/**
 * The draft a signed document's text gives the office of `org`. The office writes its own plan, so the draft's
 * organisation code is `org` (not the code the reader made up from the body's initials, and no longer marked), unless
 * the document is issued by another body of the directory: then that body's code, marked, so the clerk sees whose
 * plan it is before anything starts.
 */
export function documentDraft(text: string, org: string, directory: OrganisationDirectory): DocumentDraft {
  const { draft, marked } = draftFromText(text);
  const name = draft.organisation?.name;
  const named = name ? directory.organisations.find((o) => sameName(o.name, name)) : undefined;
  const otherBody = named && named.code !== org ? named.code : undefined;
  const rest = marked.filter((m) => m.field !== 'organisation.code');
  const ownCode = otherBody
    ? [
        {
          field: 'organisation.code',
          reason:
            `văn bản do "${named?.name}" (mã ${otherBody} trong danh sách cơ quan) ban hành, không phải ${org}; ` +
            `kiểm tra đúng văn bản của cơ quan chưa / the document is issued by ${otherBody}, not ${org}; ` +
            'check that it is the right document',
        },
      ]
    : [];
  const raw = { ...draft, organisation: { ...draft.organisation, code: otherBody ?? org } };
  return { raw, marked: [...ownCode, ...rest] };
}
