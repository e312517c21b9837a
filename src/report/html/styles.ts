// Inline CSS: the report is one file with no external requests. Logical properties keep RTL layouts right.
export const STYLES = `
:root{--fg:#1b1f23;--muted:#5c6670;--line:#dde2e6;--bg:#f6f7f8;--accent:#0b6e4f;--warn:#b54708;--bad:#b42318}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.25rem;margin:32px 0 12px;border-block-end:1px solid var(--line);padding-block-end:6px}
.muted{color:var(--muted)}.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px;margin-block-end:12px}
.score{display:flex;gap:16px;align-items:center}.score b{font-size:2.4rem}.good{color:var(--accent)}.ok{color:var(--warn)}.poor{color:var(--bad)}
.fix header{display:flex;justify-content:space-between;gap:12px;flex-wrap:wrap}.fix h3{margin:0;font-size:1.05rem}
.money{font-weight:700;color:var(--accent);font-size:1.1rem}.rank{color:var(--muted);margin-inline-end:6px}
.tag{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:0 8px;font-size:.8rem;margin-inline-end:4px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}th,td{border:1px solid var(--line);padding:6px 8px;text-align:start;vertical-align:top}
th{background:#eef1f3}td.num{text-align:end;font-variant-numeric:tabular-nums}
.timeline{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}
.timeline img{max-width:100%;border:1px solid var(--line);border-radius:4px}
code,.url{overflow-wrap:anywhere;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em}
details summary{cursor:pointer;color:var(--muted)}
`;
