/**
 * The directory as a tree of bodies (each under the one it reports to), for questions such as "which plans may this
 * office read": its own and its subordinates' two levels down, `[code, ...descendantsOf(dir, code, 2)]`. Pure; every
 * list is in the directory file's order, so the tree prints as the file was written.
 */
import type { Organisation, OrganisationDirectory } from './directory-schema.js';

/** Bodies by code and by parent code (`undefined`: the top of a tree), built per call: the directory is small. */
function indexOf(dir: OrganisationDirectory): {
  byCode: Map<string, Organisation>;
  children: Map<string | undefined, Organisation[]>;
} {
  const byCode = new Map<string, Organisation>();
  const children = new Map<string | undefined, Organisation[]>();
  for (const org of dir.organisations) {
    byCode.set(org.code, org);
    const siblings = children.get(org.parent);
    if (siblings) siblings.push(org);
    else children.set(org.parent, [org]);
  }
  return { byCode, children };
}

/** The body with this code, if the directory has it. */
export function findOrganisation(dir: OrganisationDirectory, code: string): Organisation | undefined {
  return dir.organisations.find((o) => o.code === code);
}

/** The bodies that report to no one in the directory, e.g. `UBND-HCM`, `UBND-ST`. */
export function roots(dir: OrganisationDirectory): Organisation[] {
  return dir.organisations.filter((o) => o.parent === undefined);
}

/** The bodies that report directly to `code`, e.g. `childrenOf(dir, 'UBND-HCM')` → SGDDT-HCM, DEMO-SGDDT. */
export function childrenOf(dir: OrganisationDirectory, code: string): Organisation[] {
  return dir.organisations.filter((o) => o.parent === code);
}

/** The bodies above `code`, its parent first and the top last, e.g. `ancestorsOf(dir, 'MNDL')` → PGDDT-TP-TN, UBND-TP-TN. */
export function ancestorsOf(dir: OrganisationDirectory, code: string): Organisation[] {
  const { byCode } = indexOf(dir);
  const out: Organisation[] = [];
  // A validated directory has no cycle; the guard keeps a hand-built one from looping for ever.
  const seen = new Set([code]);
  for (let p = byCode.get(code)?.parent; p !== undefined && !seen.has(p); p = byCode.get(p)?.parent) {
    const parent = byCode.get(p);
    if (!parent) break;
    seen.add(p);
    out.push(parent);
  }
  return out;
}

/**
 * The bodies below `code`, down to `maxDepth` levels (1 = its children), in tree order: each body followed by its own
 * subordinates, e.g. `descendantsOf(dir, 'UBND-HCM', 2)` → SGDDT-HCM, THPT-HOA-HUNG, DEMO-SGDDT.
 */
export function descendantsOf(dir: OrganisationDirectory, code: string, maxDepth = Infinity): Organisation[] {
  const { children } = indexOf(dir);
  const out: Organisation[] = [];
  const seen = new Set([code]);
  const walk = (parent: string, depth: number) => {
    if (depth > maxDepth) return;
    for (const child of children.get(parent) ?? []) {
      if (seen.has(child.code)) continue;
      seen.add(child.code);
      out.push(child);
      walk(child.code, depth + 1);
    }
  };
  walk(code, 1);
  return out;
}

/** One body and its subordinates, for printing or rendering the whole tree. */
export interface OrganisationNode {
  organisation: Organisation;
  children: OrganisationNode[];
}

/** The whole directory as nested nodes, one tree per root, in file order. */
export function organisationTree(dir: OrganisationDirectory): OrganisationNode[] {
  const { children } = indexOf(dir);
  const node = (organisation: Organisation): OrganisationNode => ({
    organisation,
    children: (children.get(organisation.code) ?? []).map(node),
  });
  return (children.get(undefined) ?? []).map(node);
}
