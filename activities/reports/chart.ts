import { Resvg } from '@resvg/resvg-js';
import { html, raw } from 'hono/html';
import type { RateRow } from '../report-types.js';

/**
 * Horizontal bars of completion by unit, as SVG. Drawn by hand rather than with a charting library: one bar per
 * unit needs no layout engine, and the output stays byte-stable for a given input.
 */
export function completionChartSvg(rows: RateRow[], title: string): string {
  const width = 900;
  const label = 300;
  const barMax = width - label - 90;
  const rowH = 34;
  const top = 50;
  const height = top + rows.length * rowH + 20;
  const bars = rows
    .map((r, i) => {
      const y = top + i * rowH;
      const pct = r.completionRate === null ? 0 : r.completionRate * 100;
      const w = Math.round((barMax * pct) / 100);
      const text = r.completionRate === null ? '—' : `${Math.round(pct)}%`;
      const fill = pct >= 100 ? '#15803d' : pct >= 50 ? '#1d4ed8' : '#b91c1c';
      return String(
        html`<text x="${label - 10}" y="${y + 21}" text-anchor="end" font-size="16">${r.name}</text
          ><rect x="${label}" y="${y + 6}" width="${barMax}" height="22" fill="#e5e7eb" /><rect
            x="${label}"
            y="${y + 6}"
            width="${w}"
            height="22"
            fill="${fill}"
          /><text x="${label + barMax + 8}" y="${y + 21}" font-size="16">${text}</text>`,
      );
    })
    .join('\n');
  // The same escaping templates as the portal's pages and the HTML report (hono/html).
  return String(
    html`<svg
      xmlns="http://www.w3.org/2000/svg"
      width="${width}"
      height="${height}"
      viewBox="0 0 ${width} ${height}"
      font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"
    >
      <rect width="100%" height="100%" fill="#ffffff" />
      <text x="${width / 2}" y="28" text-anchor="middle" font-size="18" font-weight="bold">${title}</text>
      ${raw(bars)}
    </svg>`,
  );
}

/** PNG of the chart at 2× for print; fonts come from the system (DejaVu ships with Debian). */
export function renderChartPng(svg: string): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
