/**
 * NEXUS_ENDPOINTS: which Nexus endpoint leads to each parent namespace, as `bo=kehoach-bo,tinh-b=kehoach-tinh-b`.
 * A mapping rather than a naming rule: endpoint names are the operators' (one registry per cluster or Cloud account,
 * and namespace names such as `bo.abc12` hold characters no endpoint name may). Read once at start-up.
 */

/** A namespace name as the plan file's `carriesOut.namespace` takes it (`bo`, `tinh-a`, Cloud's `bo.abc12`). */
const NAMESPACE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
/** The server's rule for an endpoint name: a letter, then letters, digits and "-", not ending in "-"; at most 200. */
const ENDPOINT = /^[A-Za-z][A-Za-z0-9-]{0,198}[A-Za-z0-9]$/;

export type NexusEndpoints = Readonly<Record<string, string>>;

/** The endpoints by namespace, or every problem with the text (named by pair); an empty text is no endpoint. */
export function parseNexusEndpoints(text: string): { endpoints: NexusEndpoints } | { problems: string[] } {
  const endpoints: Record<string, string> = {};
  const problems: string[] = [];
  for (const pair of text.split(',').map((p) => p.trim())) {
    if (!pair) continue;
    const [namespace = '', endpoint = '', ...rest] = pair.split('=').map((p) => p.trim());
    if (rest.length || !NAMESPACE.test(namespace) || !ENDPOINT.test(endpoint))
      problems.push(`"${pair}" is not namespace=endpoint (e.g. bo=kehoach-bo)`);
    else if (endpoints[namespace]) problems.push(`namespace "${namespace}" is given two endpoints`);
    else endpoints[namespace] = endpoint;
  }
  return problems.length ? { problems } : { endpoints };
}

/** The endpoints of a text that `configSchema` has already checked. */
export function nexusEndpointsOf(text: string): NexusEndpoints {
  const parsed = parseNexusEndpoints(text);
  if ('problems' in parsed) throw new Error(`NEXUS_ENDPOINTS: ${parsed.problems.join('; ')}`);
  return parsed.endpoints;
}
