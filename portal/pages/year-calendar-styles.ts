/**
 * The year calendar's CSS, added to the page's one inline style (`styles.ts`). Months flow in a grid: one column on a
 * phone (390 px), three or four on a desktop; a day's disclosure opens over its month, never widening the page.
 * Small text on coloured grounds keeps a contrast of at least 4.5:1 (WCAG 1.4.3).
 */
export const YEAR_CALENDAR_CSS = `
.yc-months{display:grid;grid-template-columns:repeat(auto-fill,minmax(15.5rem,1fr));gap:.8rem;margin:0 0 1rem}
.yc-month{position:relative;background:#fff;border:1px solid #d8dce1;border-radius:6px;padding:.3rem;min-width:0}
table.yc-t{table-layout:fixed;width:100%;border-collapse:collapse;background:#fff}
.yc-t caption{font-weight:600;text-align:left;padding:.1rem .2rem .3rem}
.yc-t th,.yc-t td{padding:.1rem;border:1px solid #e3e6ea;font-size:.8rem;text-align:center;vertical-align:top}
.yc-t th{background:#eef0f3}.yc-t th abbr{text-decoration:none}
.yc-t td{height:2.9rem;overflow:hidden}.yc-t td.yc-empty{background:#fafbfc}
.yc-t td.k-weekend{background:#eceef1}.yc-t td.k-holiday{background:#fde2e2}
.yc-t td.k-working-saturday{background:#dcebff}.yc-t td.k-outside{background:#f6f7f8}
.yc-t td.yc-today{outline:3px solid #1b1f24;outline-offset:-3px}
.yc-n{display:block;font-weight:600;line-height:1.2}.yc-past .yc-n{font-weight:400}
.yc-tag{display:block;font-size:.62rem;line-height:1.1;color:#8e1c1c}.k-working-saturday .yc-tag{color:#0b3d91}
.yc-ms{display:block;line-height:1.15}
.yc-mk{display:inline-block;font-size:.62rem;font-weight:700;line-height:1.2;padding:0 .12rem;margin:1px 0;
border-radius:2px;background:#fff;color:#1b1f24;border:1px solid #57606a}
.yc-mk.t-done{background:#1e7b34;color:#fff;border-color:#1e7b34}.yc-mk.t-late{background:#b35c00;color:#fff;border-color:#b35c00}
.yc-mk.t-overdue{background:#c62828;color:#fff;border-color:#c62828}.yc-mk.t-open{background:#1f6feb;color:#fff;border-color:#1f6feb}
.yc-mk.t-cancelled{background:#57606a;color:#fff;border-color:#57606a}
.yc-t details>summary{display:block;cursor:pointer;list-style:none;min-height:2.6rem}
.yc-t details>summary::-webkit-details-marker{display:none}
.yc-t details>summary:focus-visible{outline:3px solid #1f6feb;outline-offset:-3px}
.yc-t details[open]>summary{background:#fff7d6}
.yc-pop{position:absolute;left:.3rem;right:.3rem;z-index:3;margin-top:.2rem;background:#fff;color:#1b1f24;
border:1px solid #57606a;border-radius:4px;padding:.5rem .6rem;text-align:left;font-size:.85rem;
box-shadow:0 3px 10px rgba(0,0,0,.25);overflow-wrap:anywhere}
.yc-pop ul,.yc-list{list-style:none;margin:.3rem 0;padding:0}.yc-pop li{margin:.35rem 0}
.yc-list li{padding:.35rem 0;border-bottom:1px solid #e3e6ea;overflow-wrap:anywhere}
.yc-rule{display:block;color:#57606a;font-size:.85rem}
.yc-legend ul{list-style:none;padding:0;margin:.2rem 0 .6rem;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
.yc-sw{display:inline-block;min-width:2.2rem;padding:0 .25rem;border:1px solid #b6bcc4;font-size:.7rem;text-align:center}
.yc-sw.k-weekend{background:#eceef1}.yc-sw.k-holiday{background:#fde2e2;color:#8e1c1c}
.yc-sw.k-working-saturday{background:#dcebff;color:#0b3d91}.yc-sw.k-outside{background:#f6f7f8}
.yc-sw.yc-today{outline:3px solid #1b1f24;outline-offset:-3px}
`;
