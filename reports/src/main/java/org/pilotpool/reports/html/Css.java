package org.pilotpool.reports.html;

/** The page's style sheet, inline so the page opens with no network. */
final class Css {
  private Css() {}

  static final String PAGE = """
      :root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--soft:#f9fafb;--good:#e7f6ec;\
      --good-ink:#14532d}
      *{box-sizing:border-box}
      body{margin:0;background:#f3f4f6;color:var(--ink);font:15px/1.5 system-ui,-apple-system,\
      "Segoe UI",Roboto,"DejaVu Sans","Liberation Sans",Arial,sans-serif}
      main{max-width:1320px;margin:0 auto;padding:28px 20px 40px}
      header{background:#fff;border:1px solid var(--line);border-radius:10px;padding:22px 26px;\
      margin-bottom:22px}
      .kicker{margin:0;color:var(--muted);font-size:12px;letter-spacing:.08em;\
      text-transform:uppercase}
      h1{margin:4px 0 8px;font-size:26px;line-height:1.25}
      .story{margin:0;max-width:95ch;color:#374151;white-space:pre-line}
      section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 26px 24px;\
      margin-bottom:22px}
      h2{margin:0 0 14px;font-size:19px}
      h3{margin:0 0 8px;font-size:15px}
      .row{display:grid;gap:20px;align-items:start}
      .topic{padding-top:14px;margin-top:14px;border-top:1px solid var(--line)}
      .topic:first-of-type{border-top:0;margin-top:0;padding-top:0}
      .unit{color:var(--muted);font-weight:400}
      h3 .unit::before{content:"("} h3 .unit::after{content:")"}
      .swatch{display:inline-block;width:10px;height:10px;border-radius:2px;background:var(--c);\
      margin-right:7px;vertical-align:baseline}
      .card{border:1px solid var(--line);border-top:4px solid var(--c);border-radius:8px;\
      padding:12px 16px;background:var(--soft)}
      .card h3{font-size:16px;margin-bottom:6px}
      .knobs{list-style:none;margin:0 0 8px;padding:0;display:flex;flex-wrap:wrap;gap:6px}
      code{font:12.5px/1.4 "DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;\
      background:#fff;border:1px solid var(--line);border-radius:4px;padding:1px 6px}
      .says{margin:0;white-space:pre-line}
      table{border-collapse:collapse;font-variant-numeric:tabular-nums}
      .headlines{margin-top:18px;min-width:60%}
      .headlines th,.headlines td{padding:7px 14px;border-bottom:1px solid var(--line);\
      text-align:left}
      .headlines thead th{font-size:13px;color:var(--muted);font-weight:600;\
      border-bottom:2px solid var(--line)}
      .headlines tbody th{font-weight:600}
      .dir{display:block;color:var(--muted);font-size:12px;font-weight:400}
      .num{text-align:right!important}
      .best{background:var(--good);color:var(--good-ink);font-weight:700}
      .missing{color:var(--muted)}
      figure{margin:0;min-width:0}
      figcaption,.caption{margin:0 0 4px;font-size:13px;font-weight:600;color:var(--ink)}
      figure svg{display:block;width:100%;height:auto;border:1px solid var(--line);\
      border-radius:6px}
      .none{display:flex;align-items:center;justify-content:center;color:var(--muted);\
      font-size:13px;border:1px dashed var(--line);border-radius:6px;margin:0;padding:8px}
      .data{width:100%;font-size:13px}
      .data th,.data td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left}
      .data thead th{color:var(--muted);font-weight:600}
      footer{color:var(--muted);font-size:12.5px;padding:0 6px}
      """;
}
