/** The report page's stylesheet (inline; system fonts only, no external resources). */

/** Speaker colours: distinct hues readable as underlines on white. */
export const SPEAKER_COLORS = [
  '#1d4ed8', '#c2410c', '#15803d', '#7e22ce', '#be123c', '#0e7490',
  '#a16207', '#4d7c0f', '#c026d3', '#334155', '#0f766e', '#9a3412',
];

export function pageCss(): string {
  const speakerRules = SPEAKER_COLORS.map((c, i) => `.spk-${i}{--sc:${c}}`).join('');
  return `${speakerRules}.spk-none{--sc:#9ca3af}
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#fff;--panel:#f6f8fa;--same:#dceafd;--reworded:#fcecc0;--only:#fdf1f3;--hl:#ffe14d;
--att:#0d7f78;--att-bg:#c9f2ea;--high:#b42318;--medium:#b54708;--low:#475467;font-size:16px}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:var(--bg);font:15px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:#0b57d0}
h1{font:700 1.6rem/1.25 Georgia,"Times New Roman",serif;margin:0 0 .3rem}
h2{font-size:1.05rem;margin:0 0 .6rem;text-transform:uppercase;letter-spacing:.04em;color:#344054}
header.top{padding:1.2rem 1.5rem .8rem;border-bottom:1px solid var(--line);background:linear-gradient(#fbfcfd,#f3f5f8)}
.brand{font-size:.8rem;color:var(--muted);letter-spacing:.08em;text-transform:uppercase}
.sub{color:var(--muted);margin:.1rem 0 .6rem}
.counts{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:0 0 .6rem}
.counts li{background:#fff;border:1px solid var(--line);border-radius:999px;padding:.1rem .7rem;font-size:.85rem}
.counts b{font-variant-numeric:tabular-nums}
.counts .sev-high b{color:var(--high)}
details.articles summary{cursor:pointer;font-weight:600;color:#344054}
table.alist{border-collapse:collapse;width:100%;margin-top:.4rem;font-size:.88rem;background:#fff}
table.alist th,table.alist td{border-bottom:1px solid #eaecf0;padding:.3rem .5rem;text-align:left;vertical-align:top}
table.alist th{font-size:.75rem;text-transform:uppercase;color:var(--muted)}
table.alist td.n{color:var(--muted);font-variant-numeric:tabular-nums}
.alist-wrap{max-height:16rem;overflow:auto}
.layout{display:grid;grid-template-columns:minmax(270px,340px) 1fr;gap:0;align-items:start}
aside.findings{position:sticky;top:0;max-height:100vh;overflow:auto;padding:1rem 1rem 2rem;border-right:1px solid var(--line);background:var(--panel)}
main{padding:1rem 1.5rem 3rem;min-width:0}
section{margin-bottom:2rem}
.ffilter{font-size:.82rem;display:flex;flex-wrap:wrap;gap:.3rem .6rem;align-items:center;margin:0 0 .4rem}.ffilter input[type=search]{font:inherit;flex:1;min-width:8rem;padding:.15rem .35rem;border:1px solid var(--line);border-radius:4px}
[hidden]{display:none!important}
.fgroup h3{font-size:.82rem;margin:.9rem 0 .35rem;color:#344054}
.fgroup h3 .c{color:var(--muted);font-weight:400}
button.finding{display:block;width:100%;text-align:left;background:#fff;border:1px solid var(--line);border-left:4px solid var(--low);border-radius:6px;padding:.45rem .6rem;margin:0 0 .4rem;font:inherit;font-size:.86rem;line-height:1.4;color:inherit;cursor:pointer}
button.finding:hover{border-color:#98a2b3}
button.finding.active{outline:2px solid #0b57d0;outline-offset:1px}
button.finding.sev-high{border-left-color:var(--high)}
button.finding.sev-medium{border-left-color:var(--medium)}
.sev{display:inline-block;font-size:.68rem;font-weight:700;letter-spacing:.05em;text-transform:uppercase;padding:0 .35rem;border-radius:3px;color:#fff;background:var(--low);margin-right:.3rem;vertical-align:1px}
.sev-high .sev{background:var(--high)}.sev-medium .sev{background:var(--medium)}
.fev{display:block;margin-top:.25rem;color:var(--muted);font-size:.8rem}
.fev q{color:#344054}
.compare-bar{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:center;margin-bottom:.6rem;font-size:.88rem}
.compare-bar select{font:inherit;max-width:22rem;padding:.15rem}
.toggles label{margin-right:.6rem;white-space:nowrap}
.legend{display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.8rem;color:var(--muted);margin:.2rem 0 .5rem}
.sw{display:inline-block;width:.9rem;height:.9rem;border-radius:3px;vertical-align:-2px;margin-right:.25rem;border:1px solid #0001}
.speakers{display:flex;flex-wrap:wrap;gap:.35rem .5rem;margin:.3rem 0 .8rem;padding:0;list-style:none;font-size:.82rem}
.speakers li{border:1px solid var(--line);border-left:5px solid var(--sc);border-radius:4px;padding:.15rem .5rem;background:#fff}
.speakers .d{color:var(--muted)}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.col{min-width:0;border:1px solid var(--line);border-radius:8px;background:#fff;display:flex;flex-direction:column}
.col-head{padding:.5rem .8rem;border-bottom:1px solid var(--line);background:#fafbfc;border-radius:8px 8px 0 0}
.col-head .outlet{font-weight:700}
.col-head .meta{color:var(--muted);font-size:.8rem}
.col-body{position:relative;max-height:78vh;overflow:auto;padding:.4rem 1rem 1rem}
.doc-store{display:none}
.doc .blk{margin:.55rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.doc h3.blk{font:700 1.15rem/1.3 Georgia,serif;margin:.6rem 0}
.doc figcaption.blk{font-size:.82rem;color:#475467;font-style:italic;border-left:3px solid #d0d5dd;padding:.2rem .6rem;background:#f9fafb}
.cap-label{font-style:normal;font-size:.65rem;text-transform:uppercase;letter-spacing:.06em;background:#e4e7ec;border-radius:3px;padding:0 .3rem;color:#475467}
details.removed{margin-top:1.2rem;font-size:.78rem;color:var(--muted);border-top:1px dashed var(--line);padding-top:.4rem}details.removed summary{cursor:pointer}details.removed ul{padding-left:1rem;margin:.3rem 0}details.removed li{margin:.15rem 0;overflow-wrap:anywhere}details.removed .why{font-size:.66rem;text-transform:uppercase;letter-spacing:.05em;background:#f2f4f7;border-radius:3px;padding:0 .3rem;margin-right:.2rem}
.meta{color:var(--muted);font-size:.85em}
.credit{font-style:normal;font-size:.72rem;color:#98a2b3}
.sent{border-radius:3px;transition:background .15s}
.show-align .sent.al-same{background:var(--same)}
.show-align .sent.al-reworded{background:var(--reworded)}
.show-align .sent.al-only{background:var(--only)}
.sent.al-link{cursor:pointer}
.sent.al-hover{background:#cfe0ff!important;box-shadow:0 0 0 2px #528bff}
.show-quotes .seg.q{text-decoration:underline;text-decoration-color:var(--sc);text-decoration-thickness:2.5px;text-underline-offset:3px}
.show-quotes .seg.who{color:var(--sc);font-weight:600}
.show-quotes .seg.term{font-style:italic;text-decoration:underline dotted #98a2b3;text-decoration-thickness:1.5px;text-underline-offset:3px}
.show-cites .seg.cite{border-bottom:1.5px dashed #667085}
.show-numbers .seg.num{font-weight:600;color:#1d3f8f}
.show-atts .seg.asrc{box-shadow:inset 0 -1.5px 0 var(--att)}
.show-atts .seg.acue{--t:inset 0 1px 0 var(--att),inset 0 -1px 0 var(--att);box-shadow:var(--t);cursor:pointer}
.show-atts .seg.acue.acue-s{box-shadow:var(--t),inset 1px 0 0 var(--att);border-radius:3px 0 0 3px}
.show-atts .seg.acue.acue-e{box-shadow:var(--t),inset -1px 0 0 var(--att);border-radius:0 3px 3px 0}
.show-atts .seg.acue.acue-s.acue-e{box-shadow:inset 0 0 0 1px var(--att);border-radius:3px}
.seg.att-on{background:var(--att-bg)!important}
.seg.att-cue-on{background:#7fd8c6!important}
.sw-acue{box-shadow:inset 0 0 0 1px var(--att);border:0}.sw-asrc{box-shadow:inset 0 -1.5px 0 var(--att);border:0;border-radius:0}
details.atts{margin-top:.3rem;font-size:.8rem}
details.atts summary{cursor:pointer;color:#344054;font-weight:600}
details.atts summary .meta{font-weight:400}
.att-list{list-style:none;margin:.3rem 0 0;padding:0;max-height:11rem;overflow:auto;border-top:1px solid #eaecf0}
.att-list li{padding:.2rem .4rem;border-left:3px solid var(--sc);border-bottom:1px solid #f2f4f7;cursor:pointer;line-height:1.35;background:#fff}
.att-list li:hover{background:#f0fdf9}
.att-list li.active{background:var(--att-bg);outline:1px solid var(--att)}
.att-list li:focus-visible{outline:2px solid #0b57d0;outline-offset:-2px}
.att-src{font-weight:600}
.att-cue{box-shadow:inset 0 0 0 1px var(--att);border-radius:3px;padding:0 .2rem;color:#0a5c57}
.att-list q{color:#475467}
.att-form{font-size:.66rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);white-space:nowrap}
.show-hedges .seg.hedge{border-bottom:2px dotted #9e77ed}
.show-hedges .seg.boost{border-bottom:2px dotted #f97066}
.seg.hl{background:var(--hl)!important;box-shadow:0 0 0 1px #e0b400;border-radius:2px;animation:flash 1s ease-out 1}
@keyframes flash{from{background:#ffb800}to{background:var(--hl)}}
.variants{display:grid;gap:.6rem}
.variant{border:1px solid var(--line);border-radius:8px;padding:.55rem .8rem;background:#fff;cursor:pointer}
.variant:hover{border-color:#98a2b3}
.variant .vh{display:flex;flex-wrap:wrap;gap:.2rem .7rem;align-items:baseline;font-size:.84rem;color:var(--muted)}
.variant .who{font-weight:700;color:var(--ink);border-left:5px solid var(--sc);padding-left:.4rem}
.vclass{font-size:.7rem;text-transform:uppercase;letter-spacing:.05em;font-weight:700;border-radius:3px;padding:0 .35rem;background:#e4e7ec;color:#344054}
.vclass.c-verbatim{background:#d1fadf;color:#05603a}.vclass.c-reworded{background:#fef0c7;color:#93370d}
.vclass.c-paraphrased,.vclass.c-merged{background:#fee4e2;color:#912018}.vclass.c-shortened,.vclass.c-extended{background:#e0eaff;color:#2d31a6}
.diff{margin:.35rem 0 0;display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;align-items:baseline}
.diff .src{font-size:.78rem;color:var(--muted);font-weight:600}
.diff .qt{font-family:Georgia,serif;font-size:.98rem;line-height:1.55}
.diff del{background:#fee4e2;color:#912018;text-decoration:line-through}
.diff ins{background:#d1fadf;color:#05603a;text-decoration:none;border-bottom:1px solid #32d583}
.graph-wrap{overflow:auto;border:1px solid var(--line);border-radius:8px;background:#fff;max-height:80vh}
svg.graph{display:block;max-width:100%;min-width:860px;height:auto;font:12px -apple-system,"Segoe UI",Roboto,Arial,sans-serif}
svg.graph .node rect{fill:#f2f4f7;stroke:#98a2b3}
svg.graph .node-input rect{fill:#e0eaff;stroke:#444ce7;stroke-width:1.5}
svg.graph .node-anonymous rect{fill:#fff;stroke-dasharray:4 3}
svg.graph .node-person rect{fill:#fdf2fa;stroke:#c11574}
svg.graph .node text{fill:#101828;font-weight:600}
svg.graph .edge path{fill:none;}svg.graph .edge path.line{stroke:#98a2b3;stroke-width:1.6}
svg.graph .edge-copies path.line{stroke:#d92d20;stroke-width:2.2}
svg.graph .edge-earlier path.line{stroke-dasharray:5 4}
svg.graph .edge text{fill:#475467;font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:4px}
svg.graph .edge{cursor:pointer}
svg.graph .edge path.hit{stroke:transparent;stroke-width:12;pointer-events:stroke}
svg.graph .edge:hover path.line,svg.graph .edge:focus path.line{stroke:#0b57d0;stroke-width:2.6}
svg.graph .edge:hover text,svg.graph .edge:focus text{fill:#0b57d0}
details.edges-all summary{cursor:pointer;font-size:.88rem;margin-top:.5rem}
.edges{font-size:.85rem;margin:.6rem 0 0;padding-left:1.2rem}
.edges li{margin:.15rem 0;cursor:pointer}
.variant:focus-visible,.edges li:focus-visible,button.finding:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}
.variant.active{outline:2px solid #0b57d0}
.errors li{color:var(--high)}
.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:.8rem;padding:1rem 1.5rem;border-top:1px solid var(--line)}
button.plain{font:inherit;font-size:.82rem;border:1px solid var(--line);background:#fff;border-radius:5px;padding:.15rem .6rem;cursor:pointer}
@media (max-width:900px){.layout{grid-template-columns:1fr}aside.findings{position:static;max-height:none;border-right:0;border-bottom:1px solid var(--line)}.cols{grid-template-columns:1fr}.col-body{max-height:none}}
@media print{aside.findings{position:static;max-height:none;border:0;background:none}.layout{display:block}.col-body,.graph-wrap,.alist-wrap{max-height:none;overflow:visible}
.compare-bar,.toggles,button.plain,.no-print{display:none!important}.cols{display:block}.col{break-inside:auto;margin-bottom:1rem}
button.finding,.variant{break-inside:avoid}details.articles>*{display:block}body{font-size:11pt}.seg.hl{animation:none}}
`;
}
