/**
 * The subordinates' page CSS, added to the page's one inline style (`styles.ts`). Each state has a light ground, dark
 * text (contrast above 4.5:1, WCAG 1.4.3) and a sign of its own, so it reads without colour (WCAG 1.4.1).
 */
export const SUBORDINATES_CSS = `
.sb-t caption{text-align:left;font-weight:600;padding:0 0 .3rem}.sb-t td,.sb-t th{min-width:8.5rem}.sb-t tbody th,.sb-t tfoot th{min-width:11rem}
.sb-t td small,.sb-t th small{display:block;color:#3d444d;font-weight:400}
.sb-mk{display:inline-block;min-width:1.3em;text-align:center;font-weight:700}
.sb-on-time{background:#e6f4ea;color:#14532d}.sb-late{background:#fff1e0;color:#6b3600}
.sb-missing{background:#fdecea;color:#8e1c1c}.sb-not-due{background:#eef3fb;color:#1d3f73}
.sb-not-asked{background:#f6f7f8;color:#3d444d}
.sb-t td.sb-on-time small,.sb-t td.sb-late small,.sb-t td.sb-missing small,.sb-t td.sb-not-due small{color:inherit}
.sb-legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem .8rem}
.sb-legend li{padding:.1rem .5rem;border-radius:3px}
.sb-bodies label{font-weight:400;margin:.3rem 0}
`;
