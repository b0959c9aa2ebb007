// The HTML report's inline stylesheet and filter script, kept apart from the
// markup so html.cpp reads as structure.
#pragma once

#include <string_view>

namespace conformance::reports {

inline constexpr std::string_view kHtmlStyle = R"css(
:root { --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; --skip: #57606a; --xfail: #8250df; --xpass: #bc4c00;
        --error: #a40e26; --client: #0550ae; --server: #116329; --border: #d0d7de; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; padding: 1em 2em;
       max-width: 1400px; color: #1f2328; background: #fff; }
h1 { font-size: 1.5em; margin: 0 0 .3em; }
h2 { font-size: 1.2em; margin: 1.4em 0 .5em; border-bottom: 1px solid var(--border); }
code, pre, .lines { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; }
.run-meta { color: #57606a; margin: 0 0 1em; }
.run-meta span { margin-right: 1.5em; }
.insecure { background: #ffebe9; border: 2px solid var(--fail); color: var(--error); font-weight: bold;
            padding: .7em 1em; margin: 1em 0; border-radius: 6px; }
.totals span { display: inline-block; margin-right: .4em; padding: .15em .6em; border-radius: 1em; color: #fff; }
table.tally { border-collapse: collapse; margin-bottom: 1em; }
table.tally th, table.tally td { border: 1px solid var(--border); padding: .2em .7em; }
table.tally td.n { text-align: right; min-width: 4.5em; }
table.tally td.zero { color: #afb8c1; }
table.tally th { background: #f6f8fa; }
.filters { margin: .5em 0 1em; }
.filters label { margin-right: 1em; cursor: pointer; }
details.scenario { border: 1px solid var(--border); border-left-width: 6px; border-radius: 4px; margin: .35em 0; }
details.scenario > summary { cursor: pointer; padding: .35em .7em; list-style-position: outside; }
details.scenario > .body { padding: .3em 1em 1em; border-top: 1px solid var(--border); }
.badge { display: inline-block; min-width: 5.5em; text-align: center; font-weight: bold; color: #fff;
         border-radius: 3px; padding: 0 .4em; margin-right: .5em; font-size: 12px; }
.duration { color: #57606a; float: right; }
.v-passed { --c: var(--pass); } .v-failed { --c: var(--fail); } .v-warned { --c: var(--warn); }
.v-skipped { --c: var(--skip); } .v-expected-failure { --c: var(--xfail); } .v-unexpected-pass { --c: var(--xpass); }
.v-error { --c: var(--error); }
.badge, .totals span { background: var(--c); }
details.scenario { border-left-color: var(--c); }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; margin: .5em 0; }
dl.meta dt { color: #57606a; } dl.meta dd { margin: 0; }
.reason { font-weight: bold; white-space: pre-wrap; }
.compare { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
.compare pre, pre.text { background: #f6f8fa; border: 1px solid var(--border); padding: .5em; margin: .2em 0;
                         white-space: pre-wrap; word-break: break-all; }
h3 { font-size: 1em; margin: 1em 0 .3em; }
table.steps { border-collapse: collapse; width: 100%; }
table.steps td, table.steps th { border-bottom: 1px solid #eaeef2; padding: .1em .5em; text-align: left;
                                 vertical-align: top; }
table.steps tr.bad td { background: #ffebe9; }
.transcript { border: 1px solid var(--border); border-radius: 4px; margin: .5em 0; }
.transcript h4 { margin: 0; padding: .3em .6em; background: #f6f8fa; font-size: 12.5px; font-weight: normal; }
.lines { padding: .3em 0; overflow-x: auto; }
.line { display: flex; white-space: pre-wrap; word-break: break-all; padding: 0 .6em; }
.line .ts { color: #8c959f; min-width: 5.5em; flex: none; }
.line .gutter { font-weight: bold; min-width: 2.2em; flex: none; user-select: none; }
.line.client { color: var(--client); background: #f0f6ff; }
.line.server { color: var(--server); }
.line.tls { color: #8250df; background: #fbefff; font-style: italic; }
.line.note { color: #57606a; font-style: italic; }
.line.closed { color: var(--error); background: #fff5f5; }
.redacted { background: #fff8c5; }
)css";

// Hides scenarios by verdict; without it the page still shows everything.
inline constexpr std::string_view kHtmlScript = R"js(
document.querySelector('.filters').hidden = false;
for (const box of document.querySelectorAll('.filters input')) {
  box.addEventListener('change', () => {
    for (const item of document.querySelectorAll('details.scenario[data-verdict="' + box.value + '"]')) {
      item.hidden = !box.checked;
    }
  });
}
)js";

}  // namespace conformance::reports
