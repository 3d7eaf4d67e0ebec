extension DefaultTheme {
    /// System fonts only (no downloads), one measure of about 70 characters, and colours as custom
    /// properties so later figures (SVG charts) can follow light and dark mode.
    static let stylesheet = #"""
:root {
  color-scheme: light dark;
  --bg: #fdfdfc;
  --fg: #1d1f21;
  --muted: #5c6166;
  --rule: #d9dcdf;
  --accent: #0b5cad;
  --accent-visited: #6a3d9a;
  --code-bg: #f1f3f5;
  --mark-bg: #fff4c2;
  --series-1: #0072b2;
  --series-2: #d55e00;
  --series-3: #009e73;
  --series-4: #cc79a7;
  --series-5: #e69f00;
  --series-6: #56b4e9;
  --measure: 42rem;
  --font-body: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, serif;
  --font-ui: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --font-mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    --bg: #15171a;
    --fg: #e4e6e8;
    --muted: #9aa1a8;
    --rule: #33383d;
    --accent: #7cb7ff;
    --accent-visited: #c5a3ff;
    --code-bg: #1f2327;
    --mark-bg: #3d3520;
    --series-1: #56b4e9;
    --series-2: #f0a35e;
    --series-3: #3ec99a;
    --series-4: #e59ac8;
    --series-5: #f5c242;
    --series-6: #9ad0f5;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font: 1.125rem/1.65 var(--font-body);
  font-kerning: normal;
  font-variant-numeric: oldstyle-nums proportional-nums;
}
.site-header, main, .site-footer {
  max-width: var(--measure);
  margin: 0 auto;
  padding: 0 1.25rem;
}
.site-header {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  justify-content: space-between;
  gap: 0.5rem 1.5rem;
  padding-top: 1.5rem;
  padding-bottom: 1rem;
  border-bottom: 1px solid var(--rule);
  font-family: var(--font-ui);
}
.site-title { font-weight: 700; font-size: 1.1rem; color: var(--fg); text-decoration: none; }
.site-header nav a { margin-left: 1rem; color: var(--muted); }
.skip, .skip:visited { position: absolute; left: -999px; background: var(--bg); color: var(--accent); }
.skip:focus { left: 1rem; top: 0.5rem; background: var(--bg); padding: 0.25rem 0.5rem; }
main { padding-top: 2rem; padding-bottom: 3rem; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:visited { color: var(--accent-visited); }
h1, h2, h3, h4 { font-family: var(--font-ui); line-height: 1.25; margin: 2rem 0 0.75rem; }
h1 { font-size: 2rem; letter-spacing: -0.01em; margin-top: 0; }
h2 { font-size: 1.4rem; }
h3 { font-size: 1.15rem; }
p, ul, ol, blockquote, pre, table { margin: 0 0 1.1rem; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
code, pre { font-family: var(--font-mono); font-size: 0.88em; font-variant-numeric: normal; }
code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 3px; }
pre { background: var(--code-bg); padding: 0.9rem 1rem; overflow-x: auto; border-radius: 6px; line-height: 1.45; }
pre code { background: none; padding: 0; }
img, svg { max-width: 100%; height: auto; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: lining-nums tabular-nums; display: block; overflow-x: auto; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.35rem 0.6rem; text-align: left; }
.meta { color: var(--muted); font-family: var(--font-ui); font-size: 0.9rem; margin: 0.25rem 0 0.75rem; }
.essay-header { margin-bottom: 2rem; }
.tags, .tag-index { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 0.6rem; font-family: var(--font-ui); font-size: 0.85rem; }
.tags a, .tag-index a { display: inline-block; padding: 0.1rem 0.55rem; border: 1px solid var(--rule); border-radius: 999px; text-decoration: none; }
.tag-index .count { color: var(--muted); }
.summaries { list-style: none; padding: 0; }
.summary { margin-bottom: 2rem; }
.summary h2 { margin: 0; font-size: 1.3rem; }
.summary h2 a { color: var(--fg); text-decoration: none; }
.summary h2 a:hover { text-decoration: underline; }
.lede { font-size: 1.2rem; color: var(--muted); }
.neighbours, .pagination { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; font-family: var(--font-ui); font-size: 0.95rem; border-top: 1px solid var(--rule); padding-top: 1rem; margin-top: 2rem; }
.site-footer { color: var(--muted); font-family: var(--font-ui); font-size: 0.85rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); }
/* A word longer than the line (a 60-letter title, a tag, a bare address) breaks rather than widening
   the page; table cells break only at their own width, inside wrappers that scroll. */
h1, h2, h3, h4, h5, h6, p, li, dt, dd, blockquote, figcaption, .meta, .site-title, .neighbours a, .pagination a, .tags a,
  .tag-index a, .cm-figure-title, .cm-figure-note, caption, summary { overflow-wrap: anywhere; }
td, th { overflow-wrap: break-word; }
.tags a, .tag-index a { max-width: 100%; }
.neighbours > *, .pagination > * { min-width: 0; max-width: 100%; }
/* A box that scrolls sideways (code, a wide table) can be reached from the keyboard, shows focus,
   and shades the edge where more is hidden. */
.cm-table-wrap:focus-visible, pre:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.cm-table-wrap, .essay-body pre {
  background:
    linear-gradient(to right, var(--bg) 30%, transparent) left / 2rem 100% no-repeat local,
    linear-gradient(to left, var(--bg) 30%, transparent) right / 2rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, 0.22), transparent) left / 0.75rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.22), transparent) right / 0.75rem 100% no-repeat scroll;
}
.essay-body pre { background-color: var(--code-bg); }
/* Live numbers: computed values carry their formula on hover; claims are checked at build time. */
.cm-value { font-variant-numeric: lining-nums tabular-nums; text-decoration: underline dotted var(--muted); text-underline-offset: 0.2em; cursor: help; }
.cm-claim { text-decoration-style: solid; text-decoration-color: var(--series-3); }
details.scenario { margin: 1.5rem 0; border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 0.9rem; }
details.scenario summary { cursor: pointer; font-family: var(--font-ui); font-size: 0.95rem; color: var(--muted); }
details.scenario[open] summary { margin-bottom: 0.5rem; }
details.scenario pre { margin: 0; }
/* Figures: SVG charts take their colours from the palette above, so they follow dark mode. */
.cm-figure { margin: 2rem 0; }
.cm-figure-title { font-family: var(--font-ui); font-weight: 600; margin: 0 0 0.5rem; }
.cm-figure figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.4rem; }
svg.cm-chart { display: block; width: 100%; height: auto; overflow: visible; }
/* Each chart comes in two layouts: below about 600 px the narrow one keeps its text at 11 px or more. */
svg.cm-chart.cm-chart-narrow { display: none; }
@media (max-width: 38rem) {
  svg.cm-chart.cm-chart-wide { display: none; }
  svg.cm-chart.cm-chart-narrow { display: block; }
}
/* In print, a chart, a table or a what-if block is never split across pages, and the light palette
   is used whatever the screen's mode (the dark one is for screens only): paper is white. */
@media print {
  :root { color-scheme: light; }
  .cm-figure, .cm-table-wrap, table, svg.cm-chart { break-inside: avoid; }
}
.cm-chart text { fill: var(--muted); font-family: var(--font-ui); font-size: 12px; }
.cm-chart .tick.y { text-anchor: end; }
.cm-chart .tick.x, .cm-chart .axis-title { text-anchor: middle; }
.cm-chart .axis-title.y { text-anchor: start; }
.cm-chart .grid { stroke: var(--rule); stroke-width: 1; }
.cm-chart .axis { stroke: var(--muted); stroke-width: 1; }
.cm-chart .line { fill: none; stroke-width: 2.5; stroke-linejoin: round; }
.cm-chart .area { stroke: none; }
.cm-chart path.band { stroke: none; }
.cm-chart line.errorbar { stroke: var(--fg); fill: none; }
.cm-figure-note { font-size: 0.85rem; color: var(--muted); margin: 0.25rem 0; }
.cm-chart .annotation { stroke: var(--fg); stroke-width: 1; stroke-dasharray: 4 3; }
.cm-chart .annotation-label { fill: var(--fg); font-weight: 600; }
.cm-chart .annotation-label.end { text-anchor: end; }
.cm-chart .legend { fill: var(--fg); }
.cm-chart .rule { stroke: var(--fg); stroke-width: 1.5; stroke-dasharray: 8 4; }
.cm-chart .rule-label { fill: var(--fg); font-weight: 600; text-anchor: end; }
.cm-chart .rule-label.start { text-anchor: start; }
.cm-chart .s1 { stroke: var(--series-1); fill: var(--series-1); }
.cm-chart .s2 { stroke: var(--series-2); fill: var(--series-2); }
.cm-chart .s3 { stroke: var(--series-3); fill: var(--series-3); }
.cm-chart .s4 { stroke: var(--series-4); fill: var(--series-4); }
.cm-chart .s5 { stroke: var(--series-5); fill: var(--series-5); }
.cm-chart .s6 { stroke: var(--series-6); fill: var(--series-6); }
.cm-chart .line.s1, .cm-chart .line.s2, .cm-chart .line.s3, .cm-chart .line.s4, .cm-chart .line.s5, .cm-chart .line.s6 { fill: none; }
.cm-chart .s2.line { stroke-dasharray: 6 3; }
/* Bars of series 2 and on are striped in the page's colour, so they part in black-and-white print too. */
.cm-chart .hatch-line.knockout { stroke: var(--bg); }
.cm-chart .s3.line { stroke-dasharray: 2 3; }
.cm-data { font-family: var(--font-ui); font-size: 0.85rem; margin-top: 0.4rem; }
.cm-data summary { cursor: pointer; color: var(--muted); }
.cm-data .cm-table-wrap { margin: 0.4rem 0 0; }
/* Inside a wrapper the wrapper scrolls (and takes the keyboard focus), not the table. */
.cm-data .cm-table-wrap > table { display: table; overflow: visible; }
.cm-table-wrap { overflow-x: auto; margin: 1.5rem 0; }
.cm-equations, .cm-sweep { font-family: var(--font-ui); font-size: 0.95rem; display: table; }
.cm-equations caption, .cm-sweep caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
.cm-equations td:last-child, .cm-sweep td { font-variant-numeric: lining-nums tabular-nums; }
.cm-equations tr:target { background: var(--mark-bg); }
.cm-equations math { font-size: 1.05em; }
a.cm-value { color: inherit; }
/* On a phone an equation table is a list: each definition's name, then its formula, then its value,
   stacked; a formula wider than the screen scrolls the table's own box (a keyboard region), never the page. */
@media (max-width: 38rem) {
  .cm-equations, .cm-equations caption, .cm-equations tbody, .cm-equations tr, .cm-equations th, .cm-equations td {
    display: block;
  }
  .cm-equations code { overflow-wrap: anywhere; }
  .cm-equations thead { display: block; position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .cm-equations tr { padding: 0.45rem 0; border-bottom: 1px solid var(--rule); }
  .cm-equations th, .cm-equations td { border: 0; padding: 0.05rem 0; }
  .cm-equations td:last-child::before { content: "= "; color: var(--muted); }
  .cm-equations td:last-child { font-weight: 600; }
}
@media (max-width: 34rem) {
  body { font-size: 1.05rem; }
  h1 { font-size: 1.6rem; }
  .site-header nav a { margin: 0 1rem 0 0; }
}
@media print {
  .site-header nav, .neighbours, .pagination { display: none; }
}

/* Headings, contents, code highlighting */
/* Token colours for build-time highlighting; each passes WCAG AA (4.5:1) on --code-bg, checked by a test. */
:root {
  --hl-kw: #a626a4; --hl-ty: #8a4b00; --hl-bi: #0b6e75; --hl-fn: #2653b8; --hl-str: #276b2b;
  --hl-num: #b3261e; --hl-com: #5f6670; --hl-meta: #7a4fb0; --hl-tag: #a61e4d; --hl-attr: #8a5a00;
  --hl-var: #9c3d10; --hl-add: #1b6e2e; --hl-del: #b0262c; --hl-pr: #5f6670;
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    --hl-kw: #e48ae8; --hl-ty: #f2bb72; --hl-bi: #6fd3d8; --hl-fn: #8ab4ff; --hl-str: #9bd68a;
    --hl-num: #ff9e8a; --hl-com: #9aa1a8; --hl-meta: #c6a8ff; --hl-tag: #ff8fb0; --hl-attr: #f0c674;
    --hl-var: #ffb482; --hl-add: #8fdc9a; --hl-del: #ff9a9e; --hl-pr: #9aa1a8;
  }
}
.hl-kw { color: var(--hl-kw); }
.hl-ty { color: var(--hl-ty); }
.hl-bi { color: var(--hl-bi); }
.hl-fn { color: var(--hl-fn); }
.hl-str { color: var(--hl-str); }
.hl-num { color: var(--hl-num); }
.hl-com { color: var(--hl-com); font-style: italic; }
.hl-meta { color: var(--hl-meta); }
.hl-tag { color: var(--hl-tag); }
.hl-attr { color: var(--hl-attr); }
.hl-var { color: var(--hl-var); }
.hl-add { color: var(--hl-add); }
.hl-del { color: var(--hl-del); }
.hl-pr { color: var(--hl-pr); user-select: none; }
/* Long lines scroll inside the block, never the page. */
.essay-body { min-width: 0; }
.essay-body pre { max-width: 100%; overflow-x: auto; }
.essay-body pre code { white-space: pre; }
/* Heading anchors: drawn by CSS (the link has no text, so feeds show nothing), shown on hover and focus. */
.essay-body :is(h1, h2, h3, h4, h5, h6) { scroll-margin-top: 1rem; }
.cm-anchor, .cm-anchor:visited { margin-left: 0.35em; color: var(--muted); text-decoration: none; opacity: 0; }
.cm-anchor::before { content: "#"; }
:is(h1, h2, h3, h4, h5, h6):hover > .cm-anchor, .cm-anchor:focus-visible { opacity: 1; }
.cm-anchor:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
@media (hover: none) { .cm-anchor, .cm-anchor:visited { opacity: 0.6; } }
.cm-toc { margin: 0 0 2rem; padding: 0.6rem 1rem; border: 1px solid var(--rule); border-radius: 6px; }
.cm-toc { font-family: var(--font-ui); font-size: 0.95rem; }
.cm-toc summary { cursor: pointer; font-weight: 600; }
.cm-toc ol { margin: 0.4rem 0 0; padding-left: 1.3rem; }
.cm-toc ol ol { margin: 0.1rem 0 0.2rem; }
.cm-toc li { margin: 0.15rem 0; }
@media print {
  .cm-anchor { display: none; }
}
/* Publishing */
.scheduled { border-left: 4px solid #c77700; padding: 0.4em 0.8em; background: rgba(199, 119, 0, 0.1); }
/* End of Publishing */

/* GFM: tables, task lists, footnotes */
/* A Markdown table is a real table inside a wrapper (.cm-table-wrap) that scrolls sideways on its own. */
.cm-gfm-table { display: table; width: auto; min-width: 50%; margin: 0; }
.cm-gfm-table th { border-bottom: 2px solid var(--rule); vertical-align: bottom; }
.cm-gfm-table td { vertical-align: top; }
li.task-list-item { list-style: none; }
li.task-list-item > input, li.task-list-item > p > input { margin: 0 0.5em 0 -1.5em; vertical-align: -0.1em; }
.footnote-ref { line-height: 0; }
.footnote-ref a { text-decoration: none; padding: 0 0.1em; }
.footnotes { margin-top: 2.5rem; padding-top: 0.75rem; border-top: 1px solid var(--rule); font-size: 0.92rem; }
.footnotes li:target, .footnote-ref a:target { background: var(--mark-bg); }
.footnote-backref { text-decoration: none; }
/* end GFM */
"""#
}
