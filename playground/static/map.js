// The live map's page: draws /graph.json with Cytoscape, listens to /feed for readiness and
// packets, animates each packet along the link it crossed, and records and replays them.
"use strict";

const HOP_MS = 350;          // one hop's animation, live
const MAX_QUEUE = 40;        // live hops waiting to be drawn; beyond that only the list shows them
const MAX_ROWS = 500;        // rows kept in the side list

const $ = (id) => document.getElementById(id);
let cy, feed;
const queue = [];
let drawing = false;
const tape = { events: [], cursor: -1, playing: false };

const STYLE = [
  { selector: "node", style: {
      "label": "data(label)", "text-wrap": "wrap", "font-size": 9, "text-valign": "bottom",
      "text-margin-y": 3, "width": 26, "height": 26, "background-color": "#90a4ae",
      "border-width": 3, "border-color": "#999" } },
  { selector: "node.router", style: { "shape": "round-rectangle", "background-color": "#5c6bc0" } },
  { selector: "node.nat", style: { "background-color": "#8e24aa" } },
  { selector: "node.server", style: { "shape": "barrel", "background-color": "#00897b" } },
  { selector: "node.lan", style: { "shape": "ellipse", "width": 14, "height": 14,
      "background-color": "#cfd8dc", "border-width": 1, "color": "#555" } },
  { selector: "node[state = 'ready']", style: { "border-color": "#43a047" } },
  { selector: "node[state = 'starting']", style: { "border-color": "#fb8c00" } },
  { selector: "node[state = 'exited'], node[state = 'absent']",
    style: { "border-color": "#e53935", "opacity": 0.5 } },
  // Each end of a link says which interface it is and its address.
  { selector: "edge", style: { "width": 2, "line-color": "#b0bec5", "font-size": 7,
      "source-label": "data(source_label)", "target-label": "data(target_label)",
      "source-text-offset": 28, "target-text-offset": 28, "color": "#37474f",
      "text-wrap": "wrap",
      "text-background-color": "#fff", "text-background-opacity": 0.85 } },
  { selector: "edge.hot", style: { "line-color": "#ff6f00", "width": 5 } },
  { selector: "node.packet", style: { "width": 12, "height": 12, "background-color": "#ff6f00",
      "border-width": 0, "label": "", "z-index": 99 } },
];

async function start() {
  const graph = await (await fetch("/graph.json")).json();
  cy = cytoscape({
    container: $("graph"), elements: { nodes: graph.nodes, edges: graph.edges }, style: STYLE,
    // Cytoscape's own breadth-first layout, from the clients outwards, turned left to right.
    layout: { name: "breadthfirst", roots: rootsOf(graph), spacingFactor: 1.1,
              nodeDimensionsIncludeLabels: true,
              transform: (node, pos) => ({ x: pos.y, y: pos.x }) },
    userZoomingEnabled: true, boxSelectionEnabled: false,
  });
  window.cy = cy;   // for tests and the curious: read-only state of the drawing
  connect();
  $("filter-form").addEventListener("submit", (e) => {
    e.preventDefault();
    send({ filter: $("filter").value });
  });
  $("clear").addEventListener("click", () => send({ filter: "" }));
  $("record").addEventListener("click", startRecording);
  $("stop-record").addEventListener("click", () => {
    $("stop-record").disabled = true;
    $("tape-state").textContent = "saving ...";
    send({ record: false });
  });
  $("replay").addEventListener("click", replay);
  $("back").addEventListener("click", () => step(-1));
  $("forward").addEventListener("click", () => step(1));
}

function rootsOf(graph) {
  return graph.nodes.filter((n) => n.classes === "client").map((n) => "#" + n.data.id).join(",");
}

function connect() {
  feed = new WebSocket(`ws://${location.host}/feed`);
  feed.onmessage = (m) => receive(JSON.parse(m.data));
  feed.onclose = () => showCapture("error", "the map server went away: restart ./scripts/map");
}

function send(message) {
  if (feed.readyState === WebSocket.OPEN) feed.send(JSON.stringify(message));
}

function receive(msg) {
  if (msg.type === "status") {
    for (const [host, state] of Object.entries(msg.states)) cy.getElementById(host).data("state", state);
  } else if (msg.type === "capture") {
    showCapture(msg.state, msg.message, msg.filter);
  } else if (msg.type === "packets") {
    for (const p of msg.packets) {
      addRow(p);
      if (!tape.playing) enqueue(p);
    }
  } else if (msg.type === "recording") {
    showRecording(msg);
  }
}

function showCapture(state, message, filter) {
  const label = { on: `capturing: ${filter}`, starting: `starting: ${filter}`,
                  off: "not capturing", error: "not capturing" }[state];
  $("capture").className = state;
  $("capture").textContent = label;
  $("problem").textContent = state === "error" ? message : "";
  if (filter && document.activeElement !== $("filter")) $("filter").value = filter;
}

// --- the side list --------------------------------------------------------------------------

function clock(t) {
  const d = new Date(t * 1000);
  return d.toTimeString().slice(0, 8) + "." + String(d.getMilliseconds()).padStart(3, "0");
}

function addRow(p) {
  const row = document.createElement("tr");
  row.dataset.seq = p.seq;
  for (const [cls, text] of [["time", clock(p.time)], ["hop", `${p.from} \u2192 ${p.to}`],
                             ["at", p.at], ["summary", p.summary]]) {
    const cell = row.insertCell();
    cell.className = cls;
    cell.textContent = text;
  }
  row.dataset.time = p.time;
  // In time order, even if a batch comes late (a clock or a tap behind the others).
  const body = $("packets").tBodies[0];
  let after = body.lastElementChild;
  while (after && Number(after.dataset.time) > p.time) after = after.previousElementSibling;
  body.insertBefore(row, after ? after.nextSibling : body.firstChild);
  while (body.rows.length > MAX_ROWS) body.deleteRow(0);
  row.scrollIntoView({ block: "nearest" });
}

// --- drawing a hop --------------------------------------------------------------------------

function edgeBetween(a, b) {
  const e = cy.getElementById(`${a}--${b}`);
  return e.nonempty() ? e : cy.getElementById(`${b}--${a}`);
}

// The nodes a hop passes: straight along a point-to-point link, or through its LAN's node.
function waypoints(p) {
  if (edgeBetween(p.from, p.to).nonempty()) return [p.from, p.to];
  return [p.from, p.network, p.to];
}

async function drawHop(p, ms) {
  const points = waypoints(p);
  const dot = cy.add({ group: "nodes", classes: "packet",
                       position: { ...cy.getElementById(points[0]).position() } });
  for (let i = 1; i < points.length; i++) {
    const edge = edgeBetween(points[i - 1], points[i]);
    edge.addClass("hot").data("packets", (edge.data("packets") || 0) + 1);
    await dot.animation({ position: { ...cy.getElementById(points[i]).position() },
                          duration: ms / (points.length - 1) }).play().promise();
    edge.removeClass("hot");
  }
  dot.remove();
}

function enqueue(p) {
  if (queue.length >= MAX_QUEUE) queue.shift();   // the list keeps it; the drawing keeps up
  queue.push(p);
  if (!drawing) drain();
}

async function drain() {
  drawing = true;
  while (queue.length && !tape.playing) await drawHop(queue.shift(), HOP_MS);
  drawing = false;
}

// --- record and replay ----------------------------------------------------------------------

function startRecording() {
  send({ record: true });
}

// The tape is what the server saved: replay shows exactly what the pcap files hold.
function showRecording(msg) {
  const on = msg.state === "on";
  $("record").disabled = on;
  $("stop-record").disabled = true;
  if (on) {
    tape.events = [];
    $("stop-record").disabled = false;
    $("tape-state").textContent = "recording ...";
    $("saved").hidden = true;
  } else {
    tape.events = msg.events;
    tape.cursor = -1;
    const full = msg.full ? " (the most a recording keeps)" : "";
    $("tape-state").textContent = `${msg.packets} packets saved in ${msg.folder}${full}`;
    $("saved").href = msg.url;
    $("saved").hidden = false;
  }
  for (const id of ["replay", "back", "forward"]) $(id).disabled = !tape.events.length;
}

function showCurrent() {
  const p = tape.events[tape.cursor];
  for (const row of document.querySelectorAll("tr.current")) row.classList.remove("current");
  const row = p && document.querySelector(`tr[data-seq="${p.seq}"]`);
  if (row) { row.classList.add("current"); row.scrollIntoView({ block: "nearest" }); }
  $("tape-state").textContent = `packet ${tape.cursor + 1} of ${tape.events.length}`;
  return p;
}

function stepMs() {
  return 300 / Number($("speed").value);
}

async function step(by) {
  if (tape.playing) return;
  tape.cursor = Math.max(0, Math.min(tape.events.length - 1, tape.cursor + by));
  await drawHop(showCurrent(), stepMs());
}

async function replay() {
  if (tape.playing) return;
  tape.playing = true;
  for (tape.cursor = 0; tape.cursor < tape.events.length; tape.cursor++) {
    await drawHop(showCurrent(), stepMs());
  }
  tape.cursor = tape.events.length - 1;
  tape.playing = false;
}

start();
