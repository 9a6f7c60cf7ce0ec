import type { Block, ReportContent } from './report-content.js';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function block(b: Block, chartPng: Buffer | undefined): string {
  switch (b.kind) {
    case 'para':
      return `<p class="body">${esc(b.text)}</p>`;
    case 'subheading':
      return `<p class="body"><b>${esc(b.text)}</b></p>`;
    case 'table':
      return `<table class="data"><thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'chart':
      return chartPng
        ? `<figure><img alt="${esc(b.caption)}" src="data:image/png;base64,${chartPng.toString('base64')}"><figcaption>${esc(b.caption)}</figcaption></figure>`
        : '';
  }
}

/** The same report as one self-contained HTML page (chart inlined), for the portal and for e-mail clients. */
export function renderReportHtml(c: ReportContent, chartPng?: Buffer): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${esc(`${c.typeName} ${c.number}`)}</title>
<style>
body { font-family: 'Times New Roman', Times, serif; font-size: 14pt; max-width: 165mm; margin: 20mm auto; color: #000; }
.header { display: grid; grid-template-columns: 40% 60%; text-align: center; }
.header p { margin: 0; }
.rule { width: 40%; margin: 2pt auto 6pt; border-top: 1px solid #000; }
.upper { text-transform: none; }
.s13 { font-size: 13pt; } .s12 { font-size: 12pt; } .s11 { font-size: 11pt; }
.title { text-align: center; font-weight: bold; margin: 0; }
p.body { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt; line-height: 1.2; }
table.data { border-collapse: collapse; width: 100%; font-size: 12pt; margin: 6pt 0; }
table.data th, table.data td { border: 1px solid #000; padding: 2pt 4pt; text-align: center; }
table.data td:first-child { text-align: left; }
figure { text-align: center; margin: 6pt 0; } figure img { width: 150mm; } figcaption { font-style: italic; font-size: 12pt; }
.sign { display: grid; grid-template-columns: 50% 50%; margin-top: 12pt; }
.sign .who { text-align: center; font-weight: bold; }
.sign .who .name { margin-top: 60pt; }
.sign p { margin: 0; }
</style>
</head>
<body>
<div class="header">
<div>
${c.parentBody ? `<p class="s13">${esc(c.parentBody)}</p>` : ''}
<p class="s13"><b>${esc(c.issuingBody)}</b></p>
<div class="rule"></div>
<p class="s13">Số: ${esc(c.number)}</p>
</div>
<div>
<p class="s12"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>
<p class="s13"><b>Độc lập - Tự do - Hạnh phúc</b></p>
<div class="rule" style="width: 62%"></div>
<p><i>${esc(c.placeDate)}</i></p>
</div>
</div>
<p class="title" style="margin-top: 18pt">${esc(c.typeName)}</p>
<p class="title">${esc(c.summary)}</p>
<div class="rule" style="width: 25%"></div>
<p class="body">${esc(c.opening)}</p>
${c.sections.map((s) => `<p class="body"><b>${esc(s.heading)}</b></p>\n${s.blocks.map((b) => block(b, chartPng)).join('\n')}`).join('\n')}
<div class="sign">
<div>
<p class="s12"><b><i>Nơi nhận:</i></b></p>
${c.recipients.map((r) => `<p class="s11">${esc(r)}</p>`).join('\n')}
</div>
<div class="who">
${c.signer.authority ? `<p>${esc(c.signer.authority)}</p>` : ''}
<p>${esc(c.signer.position)}</p>
<p class="name">${esc(c.signer.name)}</p>
</div>
</div>
</body>
</html>
`;
}
