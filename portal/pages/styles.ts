import { SUBORDINATES_CSS } from './subordinates-styles.js';
import { YEAR_CALENDAR_CSS } from './year-calendar-styles.js';

/** Small, phone-first CSS: one column, large tap targets, the four official state colours as classes. */
export const CSS =
  `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;background:#f4f5f7}
header{background:#a50e0e;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header a{color:#fff}header .org{font-weight:600;flex:1}main{max-width:70rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.2rem 0 .8rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
.card{background:#fff;border:1px solid #d8dce1;border-radius:6px;padding:1rem;margin:0 0 1rem}.card>h2:first-child{margin-top:0}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .8rem;margin:0}
dl.meta dt{color:#57606a}dl.meta dd{margin:0}
label{display:block;font-weight:600;margin:.8rem 0 .25rem}
textarea,input[type=text],input[type=email],input[type=url],input[type=date],input[type=number],input[type=password],select{
width:100%;font:inherit;padding:.5rem;border:1px solid #b6bcc4;border-radius:4px}
textarea{min-height:6rem}.row{display:flex;gap:.5rem;flex-wrap:wrap}.row>*{flex:1 1 12rem}
button{font:inherit;padding:.55rem 1.1rem;border:0;border-radius:4px;background:#a50e0e;color:#fff;cursor:pointer;
margin-top:.8rem}
button.secondary{background:#57606a}a.button{display:inline-block;padding:.55rem 1.1rem;border-radius:4px;background:#1f6feb;color:#fff;text-decoration:none}.hint{color:#57606a;font-size:.9rem}
.error{background:#fdecea;border:1px solid #c62828;color:#8e1c1c;padding:.7rem 1rem;border-radius:4px;margin:0 0 1rem}
.ok{background:#e8f5e9;border:1px solid #1e7b34;color:#14532d;padding:.7rem 1rem;border-radius:4px;margin:0 0 1rem}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:3px;color:#fff;font-size:.85rem;white-space:nowrap}
.s-done-on-time{background:#1e7b34}.s-done-late{background:#d9730d}
.s-pending-in-time{background:#1f6feb}.s-overdue{background:#c62828}
td.behind{background:#fdecea;color:#8e1c1c}.flag{color:#8e1c1c;font-weight:600;font-size:.9rem}
.table-wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d8dce1;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#eef0f3}td.cell a{color:#fff;text-decoration:none;display:block}
blockquote{margin:.4rem 0;padding:.4rem .8rem;border-left:4px solid #d9730d;background:#fff8f0}
.pre{white-space:pre-wrap}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
` +
  YEAR_CALENDAR_CSS +
  SUBORDINATES_CSS;
