/**
 * The organisations a signed-in person may list: the caller's authorization passes it (an office its organisation or
 * organisations, an administrator `'all'`); the list functions take it as a required argument, never from a request.
 */
export type OrgScope = readonly string[] | 'all';

/** The scope narrowed to the one organisation a filter names: nothing at all when it lies outside the scope. */
export function narrowScope(scope: OrgScope, org: string | undefined): OrgScope {
  if (org === undefined) return scope;
  return scope === 'all' || scope.includes(org) ? [org] : [];
}

/** A scope that can match no workflow, so no search is made. */
export const isEmptyScope = (scope: OrgScope): boolean => scope !== 'all' && scope.length === 0;
