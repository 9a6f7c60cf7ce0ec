import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Block, ReportContent } from './report-content.js';

/**
 * The report is written with the same escaping templates as the portal's pages (`hono/html`): every interpolated
 * value is escaped, and only fragments made by `html` are inserted as markup.
 */
type Fragment = HtmlEscapedString;

/** Fragments one per line, as markup (each is already escaped). */
const lines = (fragments: (Fragment | string)[]) => raw(fragments.map(String).join('\n'));

function block(b: Block, chartPng: Buffer | undefined): Fragment | string {
  switch (b.kind) {
    case 'para':
      return html`<p class="body">${b.text}</p>` as Fragment;
    case 'subheading':
      return html`<p class="body"><b>${b.text}</b></p>` as Fragment;
    case 'table': {
      const head = raw(b.head.map((h) => String(html`<th>${h}</th>`)).join(''));
      const rows = raw(
        b.rows
          .map((r) =>
            String(
              html`<tr>
                ${raw(r.map((c) => String(html`<td>${c}</td>`)).join(''))}
              </tr>`,
            ),
          )
          .join(''),
      );
      return html`<table class="data">
        <thead>
          <tr>
            ${head}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>` as Fragment;
    }
    case 'chart':
      return chartPng
        ? (html`<figure>
            <img alt="${b.caption}" src="data:image/png;base64,${chartPng.toString('base64')}" />
            <figcaption>${b.caption}</figcaption>
          </figure>` as Fragment)
        : '';
  }
}

/** The same report as one self-contained HTML page (chart inlined), for the portal and for e-mail clients. */
export function renderReportHtml(c: ReportContent, chartPng?: Buffer): string {
  return String(
    html`<!doctype html>
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <title>${c.typeName} ${c.number}</title>
          <style>
            body {
              font-family: 'Times New Roman', Times, serif;
              font-size: 14pt;
              max-width: 165mm;
              margin: 20mm auto;
              color: #000;
            }
            .header {
              display: grid;
              grid-template-columns: 40% 60%;
              text-align: center;
            }
            .header p {
              margin: 0;
            }
            .rule {
              width: 40%;
              margin: 2pt auto 6pt;
              border-top: 1px solid #000;
            }
            .upper {
              text-transform: none;
            }
            .s13 {
              font-size: 13pt;
            }
            .s12 {
              font-size: 12pt;
            }
            .s11 {
              font-size: 11pt;
            }
            .title {
              text-align: center;
              font-weight: bold;
              margin: 0;
            }
            p.body {
              text-align: justify;
              text-indent: 1.27cm;
              margin: 0 0 6pt;
              line-height: 1.2;
            }
            table.data {
              border-collapse: collapse;
              width: 100%;
              font-size: 12pt;
              margin: 6pt 0;
            }
            table.data th,
            table.data td {
              border: 1px solid #000;
              padding: 2pt 4pt;
              text-align: center;
            }
            table.data td:first-child {
              text-align: left;
            }
            figure {
              text-align: center;
              margin: 6pt 0;
            }
            figure img {
              width: 150mm;
            }
            figcaption {
              font-style: italic;
              font-size: 12pt;
            }
            .sign {
              display: grid;
              grid-template-columns: 50% 50%;
              margin-top: 12pt;
            }
            .sign .who {
              text-align: center;
              font-weight: bold;
            }
            .sign .who .name {
              margin-top: 60pt;
            }
            .sign p {
              margin: 0;
            }
          </style>
        </head>
        <body>
          <div class="header">
            <div>
              ${c.parentBody ? html`<p class="s13">${c.parentBody}</p>` : ''}
              <p class="s13"><b>${c.issuingBody}</b></p>
              <div class="rule"></div>
              <p class="s13">Số: ${c.number}</p>
            </div>
            <div>
              <p class="s12"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>
              <p class="s13"><b>Độc lập - Tự do - Hạnh phúc</b></p>
              <div class="rule" style="width: 62%"></div>
              <p><i>${c.placeDate}</i></p>
            </div>
          </div>
          <p class="title" style="margin-top: 18pt">${c.typeName}</p>
          <p class="title">${c.summary}</p>
          <div class="rule" style="width: 25%"></div>
          <p class="body">${c.opening}</p>
          ${lines(
            c.sections.map(
              (s) =>
                html`<p class="body"><b>${s.heading}</b></p>
                  ${lines(s.blocks.map((b) => block(b, chartPng)))}` as Fragment,
            ),
          )}
          <div class="sign">
            <div>
              <p class="s12">
                <b><i>Nơi nhận:</i></b>
              </p>
              ${lines(c.recipients.map((r) => html`<p class="s11">${r}</p>` as Fragment))}
            </div>
            <div class="who">
              ${c.signer.authority ? html`<p>${c.signer.authority}</p>` : ''}
              <p>${c.signer.position}</p>
              <p class="name">${c.signer.name}</p>
            </div>
          </div>
        </body>
      </html> `,
  );
}
