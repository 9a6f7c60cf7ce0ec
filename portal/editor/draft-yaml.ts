import { Document, Scalar, visit } from 'yaml';

/** Where the portal serves the plan file's JSON Schema (`portal/asset-routes.ts`), for editors that read it. */
export const PLAN_SCHEMA_ASSET = '/tai-nguyen/plan.schema.json';

/**
 * A draft's content as plan-file YAML: the same text `kehoach plan validate` reads, valid or not. Dates are quoted as
 * the sample plans write them, so no YAML 1.1 editor reads `2026-03-02` as a timestamp.
 */
export function draftYaml(raw: Record<string, unknown>): string {
  const doc = new Document(raw);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(node.value)) node.type = Scalar.QUOTE_SINGLE;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/**
 * The downloaded plan file: the `$schema` line plans/demo.yaml has (here the portal's own address of the schema, as
 * the file leaves the repository), a line saying where it came from, then the YAML.
 */
export function draftFile(raw: Record<string, unknown>, o: { baseUrl: string; org: string; savedAt?: string }): string {
  const schema = `${o.baseUrl.replace(/\/+$/, '')}${PLAN_SCHEMA_ASSET}`;
  const from = `# Bản nháp kế hoạch của ${o.org} tải từ cổng kế hoạch${o.savedAt ? ` (lưu ngày ${o.savedAt})` : ''}.`;
  return `# yaml-language-server: $schema=${schema}\n${from}\n${draftYaml(raw)}`;
}
