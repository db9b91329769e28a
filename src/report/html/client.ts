/**
 * The report page's script (plain ES2017, inline). It reads the embedded
 * report JSON and wires the page: choosing the pair of articles shown side by
 * side, alignment tints and hover links, highlighting the evidence spans of
 * findings, quote variants and provenance edges, and showing what an
 * attribution cue attributes (on hover; pinned on click or from the list of an
 * article's attributions). It never touches the network.
 */
export const CLIENT_JS = String.raw`(function () {
  'use strict';
  var dataEl = document.getElementById('report-data');
  if (!dataEl) return;
  var R = JSON.parse(dataEl.textContent || '{}');
  var byId = {};
  R.articles.forEach(function (a, i) { byId[a.id] = i; });
  var sentencesOf = {};
  R.sentences.forEach(function (s) { (sentencesOf[s.articleId] = sentencesOf[s.articleId] || []).push(s); });
  var cols = [document.getElementById('col-0'), document.getElementById('col-1')];
  var store = document.getElementById('doc-store');
  var selects = [document.getElementById('pick-0'), document.getElementById('pick-1')];
  var shown = [null, null];

  function docEl(id) { return document.querySelector('article.doc[data-id="' + cssEsc(id) + '"]'); }
  function cssEsc(s) { return String(s).replace(/["\\]/g, '\\$&'); }

  var segIndex = {};
  function segs(id) {
    if (segIndex[id]) return segIndex[id];
    var el = docEl(id);
    var list = el ? Array.prototype.slice.call(el.querySelectorAll('.seg')) : [];
    var offs = list.map(function (s) { return +s.getAttribute('data-o'); });
    return (segIndex[id] = { els: list, offs: offs });
  }
  /** Segments overlapping [start, end). */
  function segsIn(id, start, end) {
    var ix = segs(id), lo = 0, hi = ix.offs.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (ix.offs[mid] < start) lo = mid + 1; else hi = mid; }
    var i = lo;
    if (i > 0) { var prev = ix.els[i - 1]; if (ix.offs[i - 1] + prev.textContent.length > start) i--; }
    var out = [];
    for (; i < ix.offs.length && ix.offs[i] < end; i++) out.push(ix.els[i]);
    return out;
  }

  function headFor(id) {
    var a = R.articles[byId[id]];
    var h = document.createElement('div');
    h.className = 'col-head';
    var t = document.getElementById('head-' + id);
    if (t) h.innerHTML = t.innerHTML;
    else h.textContent = a ? (a.outlet || a.source) : id;
    return h;
  }

  function show(side, id) {
    if (!cols[side] || byId[id] === undefined) return;
    var other = 1 - side;
    if (shown[other] === id && shown[side] !== null) { var tmp = shown[side]; shown[side] = null; show(other, tmp); }
    var body = cols[side].querySelector('.col-body');
    var head = cols[side].querySelector('.col-head');
    var old = body.querySelector('article.doc');
    if (old) store.appendChild(old);
    var el = docEl(id);
    if (el) body.appendChild(el);
    head.parentNode.replaceChild(headFor(id), head);
    shown[side] = id;
    if (selects[side]) selects[side].value = id;
    body.scrollTop = 0;
    applyAlignment();
  }

  // ------------------------------------------------------------ alignment
  var linkOf = {}; // "articleId:sentence" -> [{kind, refs}]
  R.alignment.links.forEach(function (l, li) {
    var all = l.a.concat(l.b);
    all.forEach(function (r) {
      var k = r.articleId + ':' + r.sentence;
      (linkOf[k] = linkOf[k] || []).push({ kind: l.kind, index: li, refs: all });
    });
  });
  function sentEls(id) {
    var el = docEl(id);
    return el ? Array.prototype.slice.call(el.querySelectorAll('.sent')) : [];
  }
  function applyAlignment() {
    var a = shown[0], b = shown[1];
    [a, b].forEach(function (id, side) {
      if (!id) return;
      var other = side === 0 ? b : a;
      var titleBlocks = {};
      var art = R.articles[byId[id]];
      art.blocks.forEach(function (bl, bi) { if (bl.kind === 'title') titleBlocks[bi] = true; });
      var sents = sentencesOf[id] || [];
      sentEls(id).forEach(function (el) {
        var si = +el.getAttribute('data-si');
        el.classList.remove('al-same', 'al-reworded', 'al-only', 'al-link');
        var links = (linkOf[id + ':' + si] || []).filter(function (l) {
          return l.refs.some(function (r) { return r.articleId === other; });
        });
        if (links.length) {
          el.classList.add(links.some(function (l) { return l.kind === 'same'; }) ? 'al-same' : 'al-reworded', 'al-link');
        } else if (other && sents[si] && !titleBlocks[sents[si].block]) {
          el.classList.add('al-only');
        }
      });
    });
  }
  function counterparts(el) {
    var doc = el.closest('article.doc');
    if (!doc) return [];
    var id = doc.getAttribute('data-id');
    var si = el.getAttribute('data-si');
    var out = [];
    (linkOf[id + ':' + si] || []).forEach(function (l) {
      l.refs.forEach(function (r) {
        if (r.articleId === id || (r.articleId !== shown[0] && r.articleId !== shown[1])) return;
        var d = docEl(r.articleId);
        var t = d && d.querySelector('.sent[data-si="' + r.sentence + '"]');
        if (t) out.push(t);
      });
    });
    return out;
  }
  document.addEventListener('mouseover', function (ev) {
    // (Not over an attribution cue: hovering a cue shows what it attributes instead.)
    var el = ev.target.closest && !ev.target.closest('.show-atts .seg[data-a]') && ev.target.closest('.sent.al-link');
    document.querySelectorAll('.al-hover').forEach(function (x) { x.classList.remove('al-hover'); });
    if (!el) return;
    el.classList.add('al-hover');
    counterparts(el).forEach(function (t) { t.classList.add('al-hover'); });
  });
  document.addEventListener('click', function (ev) {
    var el = ev.target.closest && ev.target.closest('.sent.al-link');
    if (!el || (ev.target.closest && ev.target.closest('button, .show-atts .seg[data-a]'))) return;
    var t = counterparts(el)[0];
    if (t && !scrollInColumn(t)) t.scrollIntoView({ block: 'center' });
  });

  /** Scroll el into view inside its column; false when the column does not scroll (narrow or print layout). */
  function scrollInColumn(el) {
    var body = el.closest('.col-body');
    if (!body || body.scrollHeight <= body.clientHeight + 1) return false;
    var top = el.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop;
    body.scrollTop = Math.max(0, top - body.clientHeight / 3);
    return true;
  }

  // ------------------------------------------------------------ evidence
  function clearHighlights() {
    document.querySelectorAll('.seg.hl').forEach(function (s) { s.classList.remove('hl'); });
    document.querySelectorAll('.active').forEach(function (s) { s.classList.remove('active'); });
  }
  /** Show the articles of the evidence side by side and highlight each span. Returns the highlighted count. */
  function highlight(evidence) {
    clearHighlights();
    var ids = [];
    evidence.forEach(function (e) { if (ids.indexOf(e.articleId) < 0 && byId[e.articleId] !== undefined) ids.push(e.articleId); });
    if (ids.length >= 2) {
      if (!(ids.indexOf(shown[0]) >= 0 && ids.indexOf(shown[1]) >= 0)) {
        var first = byId[ids[0]] <= byId[ids[1]] ? ids[0] : ids[1];
        var second = first === ids[0] ? ids[1] : ids[0];
        show(0, first); show(1, second);
      }
    } else if (ids.length === 1 && shown.indexOf(ids[0]) < 0) {
      show(0, ids[0]);
    }
    var n = 0;
    var firstIn = {};
    evidence.forEach(function (e) {
      if (shown.indexOf(e.articleId) < 0) return;
      segsIn(e.articleId, e.start, e.end).forEach(function (s) {
        s.classList.add('hl'); n++;
        if (!firstIn[e.articleId]) firstIn[e.articleId] = s;
      });
    });
    var fallback = null;
    shown.forEach(function (id) { if (id && firstIn[id] && !scrollInColumn(firstIn[id]) && !fallback) fallback = firstIn[id]; });
    if (fallback) fallback.scrollIntoView({ block: 'center' });
    else {
      // Bring the columns on screen when a highlighted span is outside the window.
      var off = Object.keys(firstIn).some(function (id) {
        var r = firstIn[id].getBoundingClientRect();
        return r.top < 0 || r.bottom > window.innerHeight;
      });
      var colsEl = document.querySelector('.cols');
      if (off && colsEl) colsEl.scrollIntoView({ block: 'start' });
    }
    return n;
  }

  document.querySelectorAll('button.finding').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var f = R.findings[+btn.getAttribute('data-f')];
      if (!f) return;
      highlight(f.evidence);
      btn.classList.add('active');
    });
  });
  document.querySelectorAll('.variant').forEach(function (el) {
    function go() {
      var v = R.quoteVariants[+el.getAttribute('data-v')];
      if (!v) return;
      highlight([v.a, v.b]);
      el.classList.add('active');
    }
    el.addEventListener('click', go);
    el.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); go(); } });
  });
  document.querySelectorAll('[data-edge]').forEach(function (el) {
    function go() {
      var e = R.provenance.edges[+el.getAttribute('data-edge')];
      if (e) highlight(e.evidence);
    }
    el.addEventListener('click', go);
    el.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { ev.preventDefault(); go(); } });
  });
  // ------------------------------------------------------------ attributions
  var ATT = R.attributions || [];
  /** Attribution indices from a "3 7" attribute value (unknown ones dropped). */
  function attIndices(v) {
    return (v || '').split(' ').filter(function (x) { return x && ATT[+x]; }).map(Number);
  }
  function attEvidence(list) {
    var ev = [];
    list.forEach(function (i) {
      var x = ATT[i];
      [x.source, x.cue, x.content].forEach(function (s) { if (s) ev.push({ articleId: x.articleId, start: s.start, end: s.end }); });
    });
    return ev.sort(function (a, b) { return a.start - b.start; });
  }
  // Hovering a cue lights up what it attributes (and its cue) until the pointer leaves it.
  var lit = [], litKey = '';
  function lightAtts(list) {
    var key = list.join(' ');
    if (key === litKey) return;
    lit.forEach(function (s) { s.classList.remove('att-on', 'att-cue-on'); });
    lit = []; litKey = key;
    list.forEach(function (i) {
      var x = ATT[i];
      segsIn(x.articleId, x.content.start, x.content.end).forEach(function (s) { s.classList.add('att-on'); lit.push(s); });
      segsIn(x.articleId, x.cue.start, x.cue.end).forEach(function (s) { s.classList.add('att-cue-on'); lit.push(s); });
    });
  }
  document.addEventListener('mouseover', function (ev) {
    var seg = ev.target.closest && ev.target.closest('.show-atts .seg[data-a]');
    lightAtts(seg ? attIndices(seg.getAttribute('data-a')) : []);
  });
  /** Highlight the source, cue and content of these attributions and mark their list entries. */
  function pinAtts(list) {
    if (!list.length) return 0;
    var n = highlight(attEvidence(list));
    list.forEach(function (i) {
      document.querySelectorAll('.col [data-att="' + i + '"]').forEach(function (li) { li.classList.add('active'); });
    });
    return n;
  }
  document.addEventListener('click', function (ev) {
    var t = ev.target.closest && ev.target.closest('[data-att], .show-atts .seg[data-a]');
    if (!t) return;
    pinAtts(attIndices(t.getAttribute(t.hasAttribute('data-att') ? 'data-att' : 'data-a')));
  });
  document.addEventListener('keydown', function (ev) {
    var t = ev.target.closest && ev.target.closest('[data-att]');
    if (t && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); t.click(); }
  });

  document.querySelectorAll('[data-pick]').forEach(function (el) {
    el.addEventListener('click', function () { show(+el.getAttribute('data-side'), el.getAttribute('data-pick')); document.getElementById('compare').scrollIntoView({ block: 'start' }); });
  });

  selects.forEach(function (sel, side) {
    if (sel) sel.addEventListener('change', function () { show(side, sel.value); });
  });
  document.querySelectorAll('.toggles input[data-class]').forEach(function (box) {
    var cls = box.getAttribute('data-class');
    function sync() { document.body.classList.toggle(cls, box.checked); }
    box.addEventListener('change', sync);
    sync();
  });
  var dl = document.getElementById('download-json');
  if (dl) dl.addEventListener('click', function () {
    var blob = new Blob([dataEl.textContent || ''], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'retold-report.json';
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  });

  // Findings filter: severity boxes and free text.
  var search = document.getElementById('finding-search');
  function filterFindings() {
    var off = {};
    document.querySelectorAll('.ffilter input[data-sev]').forEach(function (b) { if (!b.checked) off[b.getAttribute('data-sev')] = true; });
    var q = search ? search.value.trim().toLowerCase() : '';
    document.querySelectorAll('.fgroup').forEach(function (g) {
      var any = false;
      g.querySelectorAll('button.finding').forEach(function (btn) {
        var ok = !off[btn.getAttribute('data-sev')] && (!q || btn.textContent.toLowerCase().indexOf(q) >= 0);
        btn.hidden = !ok;
        if (ok) any = true;
      });
      g.hidden = !any;
    });
  }
  document.querySelectorAll('.ffilter input').forEach(function (el) { el.addEventListener('input', filterFindings); el.addEventListener('change', filterFindings); });

  // Deep links: #finding-<id> opens that finding.
  function fromHash() {
    var m = /^#finding-(.+)$/.exec(location.hash);
    if (!m) return;
    var btn = document.getElementById('finding-' + decodeURIComponent(m[1]));
    if (btn && btn.classList.contains('finding')) { btn.click(); btn.scrollIntoView({ block: 'nearest' }); }
  }
  window.addEventListener('hashchange', fromHash);

  // Initial state: the two articles rendered server-side.
  cols.forEach(function (c, side) {
    var d = c && c.querySelector('article.doc');
    if (d) shown[side] = d.getAttribute('data-id');
  });
  applyAlignment();
  fromHash();
  window.retold = { highlight: highlight, show: show, shown: function () { return shown.slice(); }, attributions: pinAtts };
})();`;
