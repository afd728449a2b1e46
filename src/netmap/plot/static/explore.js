/* The interactive map of netmap (netmap.plot.interactive.explore).
 *
 * Reads the map from the JSON in #netmap-data (positions computed in Python),
 * builds a graphology graph and draws it with sigma.js (WebGL). Every word
 * comes from #netmap-words (netmap's words catalogue). No network access.
 */
(function () {
  "use strict";
  var t0 = performance.now(), timings = {start: Math.round(t0)};
  function mark(name) { timings[name] = Math.round(performance.now() - t0); }
  var data = JSON.parse(document.getElementById("netmap-data").textContent);
  var W = JSON.parse(document.getElementById("netmap-words").textContent);
  var N = data.nodes, E = data.edges;
  var FADED = "#e4e4e4", CLEAR = "rgba(0,0,0,0)";
  var container = document.getElementById("netmap-graph");
  var card = document.getElementById("netmap-card");
  var root = document.getElementById("netmap-explore");

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function bit(mask, r) { return Math.floor(mask / Math.pow(2, r)) % 2 === 1; }
  function rgba(hex, alpha) {
    var v = parseInt(hex.slice(1), 16);
    return "rgba(" + (v >> 16 & 255) + "," + (v >> 8 & 255) + "," + (v & 255) + "," + alpha + ")";
  }

  if (!document.createElement("canvas").getContext("webgl2")) {
    document.getElementById("netmap-no-webgl").hidden = false;
    container.hidden = true;
    return;
  }

  // -- the graph ---------------------------------------------------------------------------
  var graph = new graphology.MultiGraph({type: data.directed ? "directed" : "undirected",
                                         allowSelfLoops: false});
  var n = N.id.length;
  for (var i = 0; i < n; i++) {
    graph.addNode(String(i), {
      x: N.x[i], y: N.y[i], size: N.size[i], label: N.label[i],
      color: data.groups[N.group[i]].color, shape: data.levels[N.level[i]].shape,
      labelPosition: N.rtl[i] ? "left" : "right"
    });
  }
  var edgeColor = rgba(data.edgeColor, data.edgeAlpha);
  var edgeSize = n > 2000 ? 0.6 : 1.2;
  // A map with very many ties draws them solid, without anti-aliasing, and hides them while
  // the camera moves: the dashes cost a second WebGL layer on every tie (the legend says so).
  var many = E.s.length > data.manyTies;
  for (var k = 0; k < E.s.length; k++) {
    var cls = data.classes[E.c[k]], dashed = cls.dash > 0 && !many;
    graph.addEdgeWithKey("e" + k, String(E.s[k]), String(E.t[k]), {
      c: E.c[k], color: edgeColor, size: edgeSize, dash: cls.dash, gap: cls.gap,
      plainColor: dashed ? CLEAR : edgeColor, fadedPlain: dashed ? CLEAR : FADED
    });
  }

  mark("graph");
  // -- the renderer ------------------------------------------------------------------------
  var R = Sigma.rendering;
  var faded = function (s, g) {
    return (g.hasActive && !s.isActive) || (g.hasMembers && !s.isMember && !s.isActive);
  };
  var renderer = new Sigma.Sigma(graph, container, {
    settings: {itemSizesReference: "screen", stagePadding: 24,
               autoRescaleContent: "nodes",
               renderEdgeLabels: false, enableEdgeEvents: false,
               hideEdgesOnMove: many, antialiasEdges: !many},
    customNodeState: {isActive: false, isMember: false, showLabel: false},
    customEdgeState: {isActive: false, isFaded: false},
    customGraphState: {hasActive: false, hasMembers: false},
    primitives: {
      nodes: {shapes: [R.sdfCircle(), R.sdfSquare(), R.sdfTriangle(), R.sdfDiamond()],
              layers: [R.layerFill()]},
      edges: {
        // straight lines only: sigma's default paths add a 32-segment loop path, which makes
        // every tie 66 vertices instead of 4 (the graph has no self-ties)
        paths: [R.pathLine()],
        extremities: data.directed ? [R.extremityArrow()] : [],
        defaultHead: data.directed ? "arrow" : undefined,
        variables: {plainColor: {type: "color", default: edgeColor},
                    dashColor: {type: "color", default: edgeColor},
                    dash: {type: "number", default: 0}, gap: {type: "number", default: 0}},
        layers: [R.layerPlain({color: {attribute: "plainColor"}})].concat(many ? [] : [
          R.layerDashed({dashColor: {attribute: "dashColor"},
                         dashSize: {attribute: "dash", default: 0, mode: "pixels"},
                         gapSize: {attribute: "gap", default: 0, mode: "pixels"},
                         gapColor: 0})])
      }
    },
    styles: {
      nodes: [
        Sigma.DEFAULT_STYLES.nodes,
        {shape: {attribute: "shape"}, labelPosition: {attribute: "labelPosition"},
         labelVisibility: "hidden"},
        n > 2000 ? {labelBackgroundColor: "rgba(255,255,255,0.85)", labelBackgroundPadding: 2}
                 : {},
        {whenState: "showLabel", then: {labelVisibility: "visible"}},
        {when: function (a, s, g) { return faded(s, g); }, then: {color: FADED, label: ""}},
        {whenState: "isMember", then: {depth: "topNodes"}},
        {whenState: "isActive", then: {labelVisibility: "visible", depth: "topNodes"}},
        {whenState: "isHighlighted", then: {labelVisibility: "visible", depth: "topNodes",
                                            backdropVisibility: "visible"}}
      ],
      edges: [
        Sigma.DEFAULT_STYLES.edges,
        {size: {attribute: "size"}, dash: {attribute: "dash"}, gap: {attribute: "gap"},
         plainColor: {attribute: "plainColor"}, dashColor: {attribute: "color"}},
        {whenState: "isFaded", then: {plainColor: {attribute: "fadedPlain"}, dashColor: FADED}},
        {whenState: "isActive", then: {depth: "topEdges", size: edgeSize * 1.6}}
      ]
    }
  });
  window.netmapRenderer = renderer;  // for tests and for the curious

  // -- the sector layout's discs, on a canvas under sigma.js's ---------------------------------
  // As the static map draws them: each sector's disc lightly shaded in its colour, its name
  // outside it, away from the ring's centre (the browser lays the name out, right to left in
  // Hebrew). Drawn again after every frame sigma.js draws, so it follows the camera.
  var regions = data.regions, REGION_FONT = "bold 15px " + getComputedStyle(root).fontFamily;
  var regionCanvas = null;
  function regionShapes(camera) {  // the discs and the names' boxes, in viewport pixels
    var opts = camera ? {cameraState: camera} : {};
    var discs = regions.map(function (g) {
      var c = renderer.graphToViewport({x: g.x, y: g.y}, opts);
      var e = renderer.graphToViewport({x: g.x + g.r * 1.08, y: g.y}, opts);
      return {x: c.x, y: c.y, r: Math.hypot(e.x - c.x, e.y - c.y)};
    });
    var mx = 0, my = 0;
    discs.forEach(function (d) { mx += d.x / discs.length; my += d.y / discs.length; });
    var ctx = regionCanvas.getContext("2d");
    ctx.font = REGION_FONT;
    discs.forEach(function (d, k) {
      var ux = d.x - mx, uy = d.y - my, norm = Math.hypot(ux, uy);
      if (norm < 1e-9) { ux = 0; uy = -1; } else { ux /= norm; uy /= norm; }
      var reach = d.r / 1.08 * 1.12, ax = d.x + ux * reach, ay = d.y + uy * reach;
      var w = ctx.measureText(regions[k].name).width, h = 18;
      d.align = ux > 0.35 ? "left" : ux < -0.35 ? "right" : "center";
      d.baseline = uy < -0.35 ? "bottom" : uy > 0.35 ? "top" : "middle";
      d.tx = ax;
      d.ty = ay;
      var x0 = d.align === "left" ? ax : d.align === "right" ? ax - w : ax - w / 2;
      var y0 = d.baseline === "bottom" ? ay - h : d.baseline === "top" ? ay : ay - h / 2;
      d.box = [x0, y0, x0 + w, y0 + h, "region"];
    });
    return discs;
  }
  function drawRegions() {
    var ratio = window.devicePixelRatio || 1;
    var w = container.offsetWidth, h = container.offsetHeight;
    if (regionCanvas.width !== Math.round(w * ratio)) { regionCanvas.width = Math.round(w * ratio); }
    if (regionCanvas.height !== Math.round(h * ratio)) { regionCanvas.height = Math.round(h * ratio); }
    regionCanvas.style.width = w + "px";
    regionCanvas.style.height = h + "px";
    var ctx = regionCanvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    regionShapes(null).forEach(function (d, k) {
      var g = regions[k];
      ctx.beginPath();
      ctx.arc(d.x, d.y, d.r, 0, 2 * Math.PI);
      ctx.fillStyle = rgba(g.color, 0.12);
      ctx.fill();
      ctx.strokeStyle = rgba(g.color, 0.35);
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.fillStyle = "#333333";
      ctx.font = REGION_FONT;
      ctx.direction = g.rtl ? "rtl" : "ltr";
      ctx.textAlign = d.align;
      ctx.textBaseline = d.baseline;
      ctx.fillText(g.name, d.tx, d.ty);
    });
  }
  if (regions.length) {
    // the frame holds the discs and room round them for the names
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    regions.forEach(function (g) {
      x0 = Math.min(x0, g.x - g.r * 1.08); x1 = Math.max(x1, g.x + g.r * 1.08);
      y0 = Math.min(y0, g.y - g.r * 1.08); y1 = Math.max(y1, g.y + g.r * 1.08);
    });
    var padX = (x1 - x0) * 0.22, padY = (y1 - y0) * 0.08;
    renderer.setCustomBBox({x: [x0 - padX, x1 + padX], y: [y0 - padY, y1 + padY]});
    renderer.scheduleRefresh();  // the actors framed anew at the first frame
    regionCanvas = renderer.createCanvas("netmap-sectors", {beforeLayer: "stage"});
    regionCanvas.setAttribute("data-regions", String(regions.length));
    renderer.on("afterRender", drawRegions);
    window.netmapRegionBoxes = function () {  // the names' boxes in the view, for tests
      return regionShapes(null).map(function (d) { return d.box.slice(0, 4); });
    };
  }
  mark("renderer");

  // -- labels that never overlap -----------------------------------------------------------
  // sigma.js's own label grid lets labels overlap, so the page chooses them itself, as the
  // static map does: in the order of importance of the static map's labels (N.rank), each
  // actor in view whose drawn size reaches LABEL_MIN pixels gets its label at the first of
  // its side, the other side, above and below where the label's box, as sigma.js draws it
  // (its label renderer's nodeLabelBox), stays inside the view and overlaps no label already
  // chosen (and no other actor, up to 2,000 actors). Every other label is hidden (style
  // labelVisibility). Chosen again when the camera stops (on every frame of a small map)
  // and when actors are hidden or shown.
  var LABEL_MIN = n > 2000 ? 4 : 3, LABEL_GAP = 2, CELL = 48;
  var labelled = {};
  function makeGrid() {
    var grid = {};
    function each(b, fn) {
      for (var cx = Math.floor(b[0] / CELL); cx <= Math.floor(b[2] / CELL); cx++) {
        for (var cy = Math.floor(b[1] / CELL); cy <= Math.floor(b[3] / CELL); cy++) {
          if (fn(grid[cx + ":" + cy] || (grid[cx + ":" + cy] = [])) === false) { return false; }
        }
      }
      return true;
    }
    return {
      add: function (b) { each(b, function (cell) { cell.push(b); }); },
      free: function (b) {
        return each(b, function (cell) {
          return !cell.some(function (o) {
            return o[4] !== b[4] && b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3];
          });
        });
      }
    };
  }
  function toViewport(camera) {  // sigma's framed coordinates to the view's pixels (affine)
    var opts = {cameraState: camera};
    var o = renderer.framedGraphToViewport({x: 0, y: 0}, opts);
    var ex = renderer.framedGraphToViewport({x: 1, y: 0}, opts);
    var ey = renderer.framedGraphToViewport({x: 0, y: 1}, opts);
    return function (d) {
      return {x: o.x + d.x * (ex.x - o.x) + d.y * (ey.x - o.x),
              y: o.y + d.x * (ex.y - o.y) + d.y * (ey.y - o.y)};
    };
  }
  function chooseLabels() {
    var camera = renderer.getCamera().getState(), view = toViewport(camera);
    var w = container.offsetWidth, h = container.offsetHeight, grid = makeGrid(), chosen = {};
    var shown = [], i, key, d;
    // every actor in view is an obstacle on a map of up to 2,000 actors; on a larger one
    // its crowd would leave no room, so labels there keep clear of each other only, on a
    // white ground
    for (i = 0; i < n; i++) {
      key = String(i);
      d = renderer.getNodeDisplayData(key);
      if (!d || d.visibility === "hidden" || renderer.getNodeState(key).isHidden) { continue; }
      var p = view(d);
      var size = renderer.scaleSize(d.size, camera.ratio);
      if (p.x < -size || p.x > w + size || p.y < -size || p.y > h + size) { continue; }
      if (n <= 2000) { grid.add([p.x - size, p.y - size, p.x + size, p.y + size, key]); }
      shown[i] = {d: d, p: p, size: size};
    }
    if (regions.length) {  // the sectors' names are obstacles too
      regionShapes(camera).forEach(function (dd) { grid.add(dd.box); });
    }
    for (var r = 0; r < n; r++) {
      i = N.rank[r];
      var it = shown[i];
      if (!it || !it.d.label || it.size < LABEL_MIN) { continue; }
      key = String(i);
      var sides = N.rtl[i] ? ["left", "right", "above", "below"]
                           : ["right", "left", "above", "below"];
      for (var k = 0; k < sides.length; k++) {
        var b = renderer.labelRenderer.nodeLabelBox(
          Object.assign({}, it.d, {labelVisibility: "visible", labelPosition: sides[k]}), it.size);
        if (!b) { break; }
        var box = [it.p.x + b.minX - LABEL_GAP, it.p.y + b.minY - LABEL_GAP,
                   it.p.x + b.maxX + LABEL_GAP, it.p.y + b.maxY + LABEL_GAP, key];
        if (box[0] < 0 || box[1] < 0 || box[2] > w || box[3] > h || !grid.free(box)) { continue; }
        grid.add(box);
        chosen[key] = sides[k];
        if (graph.getNodeAttribute(key, "labelPosition") !== sides[k]) {
          graph.setNodeAttribute(key, "labelPosition", sides[k]);
        }
        break;
      }
    }
    var gone = Object.keys(labelled).filter(function (x) { return !chosen[x]; });
    var come = Object.keys(chosen).filter(function (x) { return !labelled[x]; });
    if (gone.length) { renderer.setNodesState(gone, {showLabel: false}); }
    if (come.length) { renderer.setNodesState(come, {showLabel: true}); }
    labelled = chosen;
    root.setAttribute("data-labels", String(Object.keys(chosen).length));
  }
  var labelTimer = null, labelFrame = null;
  renderer.getCamera().on("updated", function () {
    if (n <= 2000) {  // small: choose on every frame
      if (labelFrame === null) {
        labelFrame = requestAnimationFrame(function () { labelFrame = null; chooseLabels(); });
      }
      return;
    }
    clearTimeout(labelTimer);  // large: once the camera stops
    labelTimer = setTimeout(chooseLabels, 200);
  });
  if (regions.length) {  // the discs' frame takes effect at the first frame: choose after it
    var framed = false;
    renderer.on("afterRender", function () {
      if (!framed) { framed = true; chooseLabels(); }
    });
  } else {
    chooseLabels();
  }
  mark("labels");

  // -- what is shown: colour groups, tie classes, the wave ---------------------------------
  var hiddenGroups = {}, hiddenClasses = {};
  var wave = data.wave === null || data.wave === undefined ? -1 : data.wave;

  function nodeShown(i) {
    if (hiddenGroups[N.group[i]]) { return false; }
    return wave < 0 || !N.wm.length || bit(N.wm[i], wave);
  }
  function applyVisibility() {
    var shown = [], hidden = [];
    for (var i = 0; i < n; i++) { (nodeShown(i) ? shown : hidden).push(String(i)); }
    var eShown = [], eHidden = [];
    for (var k = 0; k < E.s.length; k++) {
      var ok = !hiddenClasses[E.c[k]] && nodeShown(E.s[k]) && nodeShown(E.t[k]) &&
        (wave < 0 || !E.wm.length || bit(E.wm[k], wave));
      (ok ? eShown : eHidden).push("e" + k);
    }
    renderer.setNodesState(shown, {isHidden: false});
    renderer.setNodesState(hidden, {isHidden: true});
    renderer.setEdgesState(eShown, {isHidden: false});
    renderer.setEdgesState(eHidden, {isHidden: true});
    root.setAttribute("data-hidden-nodes", String(hidden.length));
    chooseLabels();
  }

  // -- the hover card ----------------------------------------------------------------------
  function row(dl, term, value) {
    if (value === null || value === undefined || value === "") { return; }
    dl.appendChild(el("dt", {}, term));
    var dd = el("dd");
    if (value instanceof Node) { dd.appendChild(value); } else { dd.appendChild(el("bdi", {}, value)); }
    dl.appendChild(dd);
  }
  function fillCard(i) {
    card.textContent = "";
    card.appendChild(el("h4", {}, N.name[i]));
    var dl = el("dl");
    row(dl, W.sector, data.groups[N.group[i]].name);
    row(dl, W.level, data.levels[N.level[i]].name);
    row(dl, W.organisation, N.org[i]);
    if (N.bodies[i].length) {
      var ul = el("ul");
      N.bodies[i].forEach(function (pair) {
        var li = el("li");
        li.appendChild(el("bdi", {}, data.bodies[pair[0]].name));
        if (pair[1]) { li.appendChild(document.createTextNode(" (" + pair[1] + ")")); }
        ul.appendChild(li);
      });
      row(dl, W.bodies, ul);
    }
    row(dl, W.n_ties, String(N.ties[i]));
    row(dl, W.brokerage, N.roles[i] || W.none);
    card.appendChild(dl);
    card.setAttribute("data-actor", N.id[i]);
  }
  function showCard(i) {
    fillCard(i);
    card.hidden = false;
    var p = renderer.graphToViewport(graph.getNodeAttributes(String(i)));
    var box = container.getBoundingClientRect(), outer = root.getBoundingClientRect();
    var left = box.left - outer.left + p.x + 14, top = box.top - outer.top + p.y + 14;
    if (left + card.offsetWidth > outer.width) { left = Math.max(0, left - card.offsetWidth - 28); }
    card.style.left = left + "px";
    card.style.top = top + "px";
  }
  var pinned = null;
  renderer.on("enterNode", function (e) { showCard(Number(e.node)); });
  renderer.on("leaveNode", function () {
    if (pinned === null) { card.hidden = true; } else { showCard(pinned); }
  });

  // -- click: the actor and its neighbours ---------------------------------------------------
  var active = {nodes: [], edges: []}, allEdges = graph.edges();
  function clearActive() {
    renderer.setNodesState(active.nodes, {isActive: false});
    renderer.setEdgesState(active.edges, {isActive: false});
    active = {nodes: [], edges: []};
    renderer.setGraphState({hasActive: false});
    fadeEdges(null);
  }
  function fadeEdges(keep) {  // fade every tie but those of keep (null: fade none)
    renderer.setEdgesState(allEdges, {isFaded: keep !== null});
    if (keep !== null) { renderer.setEdgesState(keep, {isFaded: false}); }
  }
  function activate(i) {
    clearActive();
    var key = String(i);
    active = {nodes: [key].concat(graph.neighbors(key)), edges: graph.edges(key)};
    renderer.setNodesState(active.nodes, {isActive: true});
    renderer.setEdgesState(active.edges, {isActive: true});
    renderer.setGraphState({hasActive: true});
    fadeEdges(active.edges);
    pinned = i;
    showCard(i);
  }
  renderer.on("clickNode", function (e) { activate(Number(e.node)); });
  renderer.on("clickStage", function () {
    clearActive();
    pinned = null;
    card.hidden = true;
  });

  // -- the legend ----------------------------------------------------------------------------
  var legend = document.getElementById("netmap-legend");
  function toggle(label, swatch, count, store, index) {
    var b = el("button", {type: "button", "aria-pressed": "true"});
    b.appendChild(swatch);
    b.appendChild(el("bdi", {}, label));
    if (count !== null) { b.appendChild(el("span", {"class": "netmap-count"}, "(" + count + ")")); }
    b.addEventListener("click", function () {
      store[index] = !store[index];
      b.setAttribute("aria-pressed", store[index] ? "false" : "true");
      applyVisibility();
    });
    return b;
  }
  legend.appendChild(el("h3", {}, W.sectors));
  data.groups.forEach(function (g, k) {
    var sw = el("span", {"class": "netmap-swatch circle"});
    sw.style.background = g.color;
    var b = toggle(g.name, sw, g.n, hiddenGroups, k);
    b.setAttribute("data-group", String(k));
    legend.appendChild(b);
  });
  if (data.levels.length > 1 || data.levels[0].shape !== "square") {
    legend.appendChild(el("h3", {}, W.levels));
    data.levels.forEach(function (l) {
      var d = el("div", {"class": "netmap-static"});
      d.appendChild(el("span", {"class": "netmap-swatch " + l.shape}));
      d.appendChild(el("bdi", {}, l.name));
      legend.appendChild(d);
    });
  }
  if (data.classes.length) {
    legend.appendChild(el("h3", {}, W.ties));
    data.classes.forEach(function (c, k) {
      var line = el("span", {"class": "netmap-line"});
      line.style.borderTopStyle = c.dash ? (c.dash <= 2 ? "dotted" : "dashed") : "solid";
      var b = toggle(c.name, line, null, hiddenClasses, k);
      b.setAttribute("data-class", String(k));
      legend.appendChild(b);
    });
    if (many && data.classes.some(function (c) { return c.dash > 0; })) {
      legend.appendChild(el("p", {"class": "netmap-note-small", id: "netmap-solid"},
                            W.ties_solid.replace("{n}", data.manyTies.toLocaleString(document.documentElement.lang || undefined))));
    }
  }
  legend.appendChild(el("h3", {}, W.size.replace("{measure}", data.measure)));

  // -- the search ----------------------------------------------------------------------------
  var input = document.getElementById("netmap-search");
  var results = document.getElementById("netmap-results");
  var folded = N.name.map(function (s, i) { return (s + " " + N.id[i]).toLocaleLowerCase(); });
  function find(i) {
    graph.forEachNode(function (key) { renderer.setNodeState(key, {isHighlighted: false}); });
    renderer.setNodeState(String(i), {isHighlighted: true});
    var d = renderer.getNodeDisplayData(String(i));
    renderer.getCamera().animate({x: d.x, y: d.y, ratio: 0.5}, {duration: 300});
    setTimeout(function () { activate(i); }, 320);
  }
  input.addEventListener("input", function () {
    results.textContent = "";
    var q = input.value.trim().toLocaleLowerCase();
    if (!q) { return; }
    var found = 0;
    for (var i = 0; i < n && found < 20; i++) {
      if (folded[i].indexOf(q) < 0) { continue; }
      found++;
      var li = el("li", {tabindex: "0", "data-actor": N.id[i]});
      li.appendChild(el("bdi", {}, N.name[i]));
      li.addEventListener("click", find.bind(null, i));
      li.addEventListener("keydown", function (j, ev) { if (ev.key === "Enter") { find(j); } }.bind(null, i));
      results.appendChild(li);
    }
    if (!found) { results.appendChild(el("li", {"class": "netmap-none"}, W.no_match)); }
  });

  // -- waves and bodies ----------------------------------------------------------------------
  if (data.waves.length) {
    document.getElementById("netmap-wave-box").hidden = false;
    var ws = document.getElementById("netmap-wave");
    ws.appendChild(el("option", {value: "-1"}, W.all_waves));
    data.waves.forEach(function (w, r) { ws.appendChild(el("option", {value: String(r)}, w)); });
    ws.value = String(wave);
    ws.addEventListener("change", function () { wave = Number(ws.value); applyVisibility(); });
  }
  if (data.bodies.length) {
    document.getElementById("netmap-body-box").hidden = false;
    var bs = document.getElementById("netmap-body");
    bs.appendChild(el("option", {value: "-1"}, W.no_body));
    data.bodies.forEach(function (b, k) { bs.appendChild(el("option", {value: String(k)}, b.name)); });
    var members = [];
    for (var a = 0; a < n; a++) {
      N.bodies[a].forEach(function (pair) { (members[pair[0]] = members[pair[0]] || []).push(a); });
    }
    bs.addEventListener("change", function () {
      graph.forEachNode(function (key) { renderer.setNodeState(key, {isMember: false}); });
      var k = Number(bs.value);
      if (k < 0) { renderer.setGraphState({hasMembers: false}); fadeEdges(null); return; }
      var keys = (members[k] || []).map(String), inside = {};
      keys.forEach(function (key) { inside[key] = true; });
      renderer.setNodesState(keys, {isMember: true});
      renderer.setGraphState({hasMembers: true});
      fadeEdges(allEdges.filter(function (e) {
        return inside[graph.source(e)] && inside[graph.target(e)];
      }));
    });
  }
  document.getElementById("netmap-reset").addEventListener("click", function () {
    renderer.getCamera().animatedReset({duration: 300});
  });

  if (wave >= 0) { applyVisibility(); }
  root.setAttribute("data-hidden-nodes", "0");
  mark("visibility");
  root.setAttribute("data-timings", JSON.stringify(timings));
  // When the first frame is on screen, in milliseconds from the start of navigation.
  requestAnimationFrame(function () {
    requestAnimationFrame(function () {
      root.setAttribute("data-drawn", String(Math.round(performance.now())));
    });
  });
  root.setAttribute("data-ready", "true");
})();
