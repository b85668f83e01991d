// The report's style sheet: one self-contained HTML file needs its CSS inline.
#include "report_css.hpp"

namespace gb::report {

const char* const kCss = R"(
:root { --ink:#1c2230; --muted:#5d6472; --faint:#8a909c; --rule:#dfe2e8; --soft:#f5f6f8; --paper:#ffffff;
  --ok:#1d7a3c; --bad:#b42318; --accent:#1c2230; }
* { box-sizing: border-box; }
html { background: #eceef2; }
body { margin: 0; color: var(--ink); font: 15px/1.55 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif;
  -webkit-font-smoothing: antialiased; }
main.report { max-width: 1000px; margin: 28px auto; padding: 40px 40px 56px; background: var(--paper);
  box-shadow: 0 1px 3px rgba(20,24,35,.08), 0 8px 28px rgba(20,24,35,.06); }
header#report-header { border-bottom: 3px solid var(--accent); padding-bottom: 18px; margin-bottom: 10px; }
.kicker { margin: 0; font-size: 11.5px; letter-spacing: .14em; text-transform: uppercase; color: var(--muted); font-weight: 600; }
h1 { margin: 6px 0 2px; font: 700 32px/1.15 Georgia, "Liberation Serif", "DejaVu Serif", serif; letter-spacing: -.01em; }
.subtitle { margin: 0 0 16px; font-size: 17px; color: var(--muted); }
dl.meta { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px 24px; margin: 0; }
dl.meta div { min-width: 0; }
dl.meta dt { font-size: 11px; letter-spacing: .08em; text-transform: uppercase; color: var(--faint); font-weight: 600; }
dl.meta dd { margin: 1px 0 0; font-size: 14px; overflow-wrap: anywhere; }
p.status { margin: 16px 0 0; padding: 9px 14px; background: var(--soft); border-left: 4px solid var(--accent);
  font-weight: 600; font-size: 14.5px; }
p.status.running { border-left-color: #c48e2c; }
nav.toc { margin: 14px 0 6px; font-size: 13px; color: var(--muted); }
nav.toc a { color: var(--ink); text-decoration: none; border-bottom: 1px solid var(--rule); margin-right: 10px; }
h2 { margin: 40px 0 14px; padding-bottom: 7px; border-bottom: 1px solid var(--rule);
  font: 700 22px/1.25 Georgia, "Liberation Serif", "DejaVu Serif", serif; }
h3 { margin: 22px 0 8px; font-size: 12px; letter-spacing: .1em; text-transform: uppercase; color: var(--muted); }
figure { margin: 0; }
figcaption { margin-top: 6px; font-size: 12.5px; color: var(--muted); }
svg.chart { display: block; width: 100%; height: auto; }
svg.chart text { font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; }
ul.legend { list-style: none; margin: 10px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 20px; font-size: 13px; }
ul.legend li { display: flex; align-items: center; gap: 7px; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; flex: none; }
.swatch.line { height: 4px; border-radius: 2px; width: 20px; }
.swatch.band-outer { background: #dde3ec; }
.swatch.band-inner { background: #b9c3d3; }
section.turn { margin-top: 8px; }
section.turn > h2 .turn-no { color: var(--ink); }
section.turn > h2 .calendar { color: var(--muted); font-weight: 400; }
.inject { margin: 4px 0 6px; padding: 16px 20px; background: #f8f6f1; border: 1px solid #ebe5d8; border-left: 4px solid #b49a68; border-radius: 3px; }
.inject .card-label { margin: 0; font-size: 11px; letter-spacing: .1em; text-transform: uppercase; color: #8a7650; font-weight: 600; }
.inject h3.inject-title { margin: 4px 0 8px; text-transform: none; letter-spacing: 0; color: var(--ink);
  font: 700 19px/1.3 Georgia, "Liberation Serif", "DejaVu Serif", serif; }
.inject p { margin: 6px 0; }
blockquote.source { margin: 10px 0 4px; padding: 2px 0 2px 14px; border-left: 3px solid #d3c7ad; color: #4b4636;
  font: italic 14.5px/1.5 Georgia, "Liberation Serif", "DejaVu Serif", serif; }
.choice { font-size: 14px; }
aside.teaching-note { margin: 12px 0 2px; padding: 9px 13px; background: #eef3fa; border: 1px solid #d3e0f1; border-radius: 3px; font-size: 13.5px; }
aside.teaching-note strong { color: #234a85; }
p.none { color: var(--faint); font-style: italic; margin: 4px 0; font-size: 14px; }
.draft-banner { margin: 8px 0; padding: 7px 12px; background: #fff6e5; border: 1px solid #f1d7a2; font-size: 13.5px; border-radius: 3px; }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; font-variant-numeric: tabular-nums; }
th { text-align: left; font-size: 11px; letter-spacing: .07em; text-transform: uppercase; color: var(--muted);
  font-weight: 600; padding: 6px 8px; border-bottom: 2px solid var(--rule); }
td { padding: 7px 8px; border-bottom: 1px solid #eef0f3; vertical-align: top; }
td.num, th.num { text-align: right; }
th[scope=row] { text-transform: none; letter-spacing: 0; font-size: 13.5px; color: var(--ink); font-weight: 600;
  border-bottom: 1px solid #eef0f3; white-space: nowrap; vertical-align: top; padding-top: 8px; }
.pct { color: var(--muted); font-size: 12.5px; }
td.n { color: var(--faint); width: 26px; }
td.team { white-space: nowrap; }
td.roll { white-space: nowrap; color: #353b48; }
td.outcome { font-weight: 600; }
td.outcome.ok { color: var(--ok); }
td.outcome.fail { color: var(--bad); }
td.outcome .sep { display: none; }
td.outcome .outcome-note { display: block; font-weight: 400; font-size: 12.5px; }
table#final-scores { max-width: 680px; }
td.outcome .amend-note { display: block; margin-top: 3px; font-weight: 400; font-size: 12.5px; color: #8a5a00; }
table.results th:nth-child(1) { width: 30px; }
table.results th:nth-child(2) { width: 118px; }
table.results th:nth-child(4) { width: 122px; }
table.results th:nth-child(5) { width: 150px; }
table.results th:nth-child(6) { width: 200px; }
tr.amended td { background: #fff8ea; }
td.effects { color: var(--muted); font-size: 12.5px; }
td.effects .effect { display: block; }
td.effects .sep { display: none; }
.chip { display: inline-block; width: 9px; height: 9px; border-radius: 2px; margin-right: 7px; vertical-align: 0; }
ul.plain { margin: 4px 0; padding-left: 20px; }
ul.plain li { margin: 2px 0; }
ul.deals li, ul.end-of-turn li { font-size: 14px; }
ul.deals .effects { display: block; color: var(--muted); font-size: 12.5px; }
ul.deals .effects .sep { display: none; }
ul.deals .effects .effect { margin-right: 16px; white-space: nowrap; }
.after { margin: 14px 0 0; padding: 10px 14px; background: var(--soft); border-radius: 3px; font-size: 13px; color: #3a404c; }
.after p { margin: 2px 0; }
.after .k { color: var(--muted); font-weight: 600; margin-right: 8px; white-space: nowrap; }
.after .v { margin-right: 12px; white-space: nowrap; }
.up { color: #1d6fb8; } .down { color: #b45a18; }
ul.white-cell li .tag, ul.bookmarks li .tag { display: inline-block; font-size: 10.5px; letter-spacing: .06em;
  text-transform: uppercase; padding: 1px 6px; border-radius: 2px; background: #e8eaef; color: #454b57; margin-right: 6px; }
ul.bookmarks li .tag.annotation { background: #e9e3f5; color: #4e3b80; }
section.chat ul { list-style: none; padding: 0; margin: 4px 0; font-size: 13.5px; }
section.chat li { padding: 4px 0; border-bottom: 1px dotted var(--rule); }
section.chat .from { font-weight: 600; }
section.chat .to { color: var(--muted); }
table#final-scores td, table#outcomes td { font-size: 14px; }
.winner { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #1c2230; color: #fff; font-size: 11px;
  letter-spacing: .08em; text-transform: uppercase; font-weight: 700; }
ul.outcome { list-style: none; padding: 0; display: flex; gap: 12px; flex-wrap: wrap; margin: 6px 0 10px; }
ul.outcome li { padding: 8px 14px; border: 1px solid var(--rule); border-radius: 3px; font-size: 14px; }
ul.outcome li.yes { border-color: #1c2230; background: #1c2230; color: #fff; }
table#episodes td { font-size: 14px; }
ul.placed li { margin: 4px 0; }
footer { margin-top: 44px; padding-top: 12px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--faint); }
@media print { html { background: #fff; } main.report { box-shadow: none; margin: 0; max-width: none; }
  section.turn { break-inside: avoid-page; } }
)";

}  // namespace gb::report
