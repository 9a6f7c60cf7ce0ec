import { parsePlanText } from '../../domain/plan-file.js';
import type { Plan } from '../../domain/plan-schema.js';
import type { Lang } from '../i18n.js';
import { draftYaml } from './draft-yaml.js';
import { editorTexts } from './editor-texts.js';
import { datesAsShown } from './form-values.js';
import { anchorOf, formModel, isRecord, type FormModel } from './raw-to-form.js';

/** One problem of a draft, where the editor shows it: `field` is the nearest place on the page ('' for none). */
export interface EditorProblem {
  path: string;
  message: string;
  field: string;
}

export interface DraftCheck {
  /** The plan, when the draft validates. */
  plan?: Plan;
  problems: EditorProblem[];
  model: FormModel;
}

/**
 * Checks a draft as `kehoach plan validate` checks a plan file: its YAML through `parsePlanText`, the same problems
 * and messages (dates in them written as the form writes them, dd/MM/yyyy), plus one the editor adds: the draft of
 * `org` is that organisation's plan. Each problem is placed at its field.
 */
export function checkDraft(raw: Record<string, unknown>, org: string, lang: Lang): DraftCheck {
  const model = formModel(raw);
  const parsed = parsePlanText(draftYaml(raw), `${org}.yaml`, lang);
  const found = parsed.ok ? [] : parsed.problems.map((p) => ({ path: p.path, message: p.message }));
  const code = isRecord(raw.organisation) ? raw.organisation.code : undefined;
  if (typeof code === 'string' && code !== org)
    found.unshift({ path: 'organisation.code', message: editorTexts(lang).problems.wrongOrg(org) });
  const problems = found.map((p) => {
    const field = anchorOf(p.path, model.anchors);
    return { ...p, field, message: datesAsShown(p.message, model.anchors.get(field) === 'month') };
  });
  return { plan: parsed.ok && problems.length === 0 ? parsed.plan : undefined, problems, model };
}
