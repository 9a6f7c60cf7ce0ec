/** Re-prints the table of a saved run: `tsx bench/render.ts bench-results/<timestamp>.json`. */
import { readFileSync } from 'node:fs';
import { renderTable } from './report-table.js';
import { p1Rows, p2Rows, p3Rows, p4Rows, p5Rows, p6Rows } from './result-rows.js';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/render.ts bench-results/<timestamp>.json');
const r = JSON.parse(readFileSync(file, 'utf8'));
const p1 = r.p1 && !r.p1.error ? r.p1 : undefined;
const p5 = Array.isArray(r.p5) ? r.p5 : undefined;
console.log(
  renderTable([
    ...p1Rows(p1),
    ...p2Rows(r.p2),
    ...p3Rows(r.p3),
    ...p4Rows(r.p4),
    ...p5Rows(p5, r.p5?.error),
    ...p6Rows(r.p6, r.cpus),
  ]),
);
