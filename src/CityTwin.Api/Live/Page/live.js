// CityTwin live operations page: plain JS, no build step, nothing loaded from elsewhere.
'use strict';

const api = {
  session: '/api/v1/session',
  districts: '/api/v1/districts',
  map: id => `/api/v1/districts/${encodeURIComponent(id)}/map`,
  trucks: id => `/api/v1/districts/${encodeURIComponent(id)}/map?only=trucks`,
  events: id => `/api/v1/districts/${encodeURIComponent(id)}/events`,
  acknowledge: (id, alertId) => `/api/v1/districts/${encodeURIComponent(id)}/alerts/${alertId}/acknowledge`,
  asset: id => `/api/v1/assets/${encodeURIComponent(id)}`,
};

// Trucks move between segments all day: their events redraw them at most this often, from one read of the trucks.
const truckRefreshMs = 2000;

const svgNs = 'http://www.w3.org/2000/svg';
const $ = id => document.getElementById(id);
const fillColours = { '0-25': '#43a047', '25-50': '#c0ca33', '50-75': '#fb8c00', '75-100': '#e53935' };
const congestionColours = { free: '#43a047', moderate: '#fdd835', heavy: '#fb8c00', gridlock: '#c62828' };
const truckColours = { parked: '#78909c', onRoute: '#3949ab', broken: '#c62828', outOfService: '#424242' };
const airColours = { good: '#43a047', fair: '#9ccc65', moderate: '#fdd835', poor: '#fb8c00', veryPoor: '#e53935', extremelyPoor: '#6a1b9a' };
const unknownColour = '#bdbdbd';
const lightFaultCodes = new Set(['defectiveLamp', 'columnIssue']);
const lightFaultAlerts = new Set(['lampDefective', 'lightColumnFault']);

const state = {
  district: null,
  source: null,
  assets: new Map(),   // id -> { kind, el, bands, faults: Set }
  dirty: new Set(),
  alerts: new Map(),   // alert id -> AlertView
  alertsDirty: false,
  project: null,
  size: 1,
  adding: new Set(),   // ids of assets being read to add them to the map
  trucksDue: null,     // timer of the next trucks redraw
};

// Frame timing, read by the benchmark: gaps between animation frames, the latest 10,000.
window.liveStats = { frames: [], events: 0, lastEventId: null, reset() { this.frames.length = 0; this.events = 0; } };
let lastFrame = null;
function frame(now) {
  if (lastFrame !== null) {
    const frames = window.liveStats.frames;
    frames.push(now - lastFrame);
    if (frames.length > 10000) frames.splice(0, frames.length - 10000);
  }
  lastFrame = now;
  paint();
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);

async function request(url, options = {}) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, ...options });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch { /* not JSON */ }
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return response.status === 204 ? null : response.json();
}

async function start() {
  $('sign-in').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('district').addEventListener('change', () => openDistrict($('district').value));
  try {
    const who = await request(api.session);
    await signedIn(who);
  } catch {
    showSignIn();
  }
}

function showSignIn() {
  $('sign-in').hidden = false;
  $('session').hidden = true;
}

async function signIn(event) {
  event.preventDefault();
  $('sign-in-error').textContent = '';
  try {
    await request(api.session, { method: 'POST', body: JSON.stringify({ apiKey: $('api-key').value }) });
    $('api-key').value = '';
    await signedIn(await request(api.session));
  } catch (e) {
    $('sign-in-error').textContent = `Sign-in failed: ${e.message}`;
  }
}

async function signOut() {
  closeStream();
  try { await request(api.session, { method: 'DELETE' }); } catch { /* signed out anyway */ }
  showSignIn();
}

async function signedIn(who) {
  $('sign-in').hidden = true;
  $('session').hidden = false;
  $('who').textContent = who ? `${who.name} (${who.role})` : '';
  const listed = await request(api.districts);
  const districts = Array.isArray(listed) ? listed : (listed.items || listed.districts || []);
  const select = $('district');
  select.replaceChildren(...districts.map(d => new Option(d.name || d.id, d.id)));
  const wanted = new URLSearchParams(location.search).get('district');
  if (wanted && districts.some(d => d.id === wanted)) select.value = wanted;
  if (select.value) await openDistrict(select.value);
}

async function openDistrict(id) {
  closeStream();
  state.district = id;
  const map = await request(api.map(id));
  if (state.district !== id) return;
  drawMap(map);
  openStream(id);
}

function closeStream() {
  if (state.source) state.source.close();
  state.source = null;
  setStreamState('closed');
}

function setStreamState(value) {
  $('stream-state').dataset.state = value;
  $('stream-state').textContent = value === 'open' ? 'live' : value;
}

function openStream(id) {
  const source = new EventSource(api.events(id));
  state.source = source;
  source.onopen = () => setStreamState('open');
  source.onerror = () => setStreamState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  const on = (type, handle) => source.addEventListener(type, message => {
    window.liveStats.events++;
    window.liveStats.lastEventId = message.lastEventId;
    handle(JSON.parse(message.data));
  });
  on('snapshot', applySnapshot);
  on('twin', e => applyTwin(e.twin));
  on('alert', e => applyAlert(e.alert));
  on('plan', e => applyPlan(e.plan, e.at));
}

// ---- map ----

function drawMap(map) {
  const points = [];
  for (const a of map.assets) if (a.location) points.push(a.location);
  for (const r of map.roads) points.push(...r.geometry);
  for (const t of map.trucks) if (t.location) points.push(t.location);
  if (points.length === 0) points.push({ latitude: map.district.centreLatitude, longitude: map.district.centreLongitude });
  const lats = points.map(p => p.latitude), lons = points.map(p => p.longitude);
  const minLat = Math.min(...lats), maxLat = Math.max(...lats), minLon = Math.min(...lons), maxLon = Math.max(...lons);
  const metresPerLon = 111320 * Math.cos((minLat + maxLat) / 2 * Math.PI / 180), metresPerLat = 110540;
  state.project = p => [(p.longitude - minLon) * metresPerLon, (maxLat - p.latitude) * metresPerLat];
  const width = Math.max((maxLon - minLon) * metresPerLon, 50), height = Math.max((maxLat - minLat) * metresPerLat, 50);
  const margin = Math.max(width, height) * 0.04;
  $('map').setAttribute('viewBox', `${-margin} ${-margin} ${width + 2 * margin} ${height + 2 * margin}`);
  state.size = Math.max(width, height) / 160;

  const roads = map.roads.map(r => 'M' + r.geometry.map(p => state.project(p).map(v => v.toFixed(1)).join(' ')).join('L')).join('');
  const path = document.createElementNS(svgNs, 'path');
  path.setAttribute('d', roads);
  path.setAttribute('stroke-width', '3');
  $('roads').replaceChildren(path);

  state.assets.clear();
  state.dirty.clear();
  const group = document.createDocumentFragment();
  for (const a of map.assets) {
    if (!a.location || a.kind === 'truck') continue;
    const el = shapeOf(a.kind, state.project(a.location));
    el.dataset.assetId = a.id;
    el.dataset.kind = a.kind;
    el.appendChild(document.createElementNS(svgNs, 'title')).textContent = a.id;
    group.appendChild(el);
    state.assets.set(a.id, { kind: a.kind, el, bands: a.bands || {}, faults: new Set() });
    state.dirty.add(a.id);
  }
  $('assets').replaceChildren(group);
  drawTrucks(map.trucks);
  state.alerts.clear();
  state.alertsDirty = true;
}

function shapeOf(kind, [x, y]) {
  const s = state.size;
  if (kind === 'intersection') {
    const el = document.createElementNS(svgNs, 'rect');
    el.setAttribute('x', x - s); el.setAttribute('y', y - s);
    el.setAttribute('width', 2 * s); el.setAttribute('height', 2 * s);
    el.setAttribute('transform', `rotate(45 ${x} ${y})`);
    el.setAttribute('class', 'intersection');
    return el;
  }
  const el = document.createElementNS(svgNs, 'circle');
  el.setAttribute('cx', x); el.setAttribute('cy', y);
  el.setAttribute('r', kind === 'bin' ? s : kind === 'streetlight' ? s * 0.7 : s * 0.8);
  el.setAttribute('class', kind);
  return el;
}

function drawTrucks(trucks) {
  const routes = document.createDocumentFragment(), bodies = document.createDocumentFragment();
  const s = state.size * 1.8;
  for (const t of trucks) {
    if (t.route && t.route.length > 0) {
      const line = document.createElementNS(svgNs, 'polyline');
      const stops = t.location ? [t.location, ...t.route] : t.route;
      line.setAttribute('points', stops.map(p => state.project(p).join(',')).join(' '));
      line.setAttribute('stroke-width', '2');
      line.dataset.truckId = t.id;
      routes.appendChild(line);
    }
    if (!t.location) continue;
    const [x, y] = state.project(t.location);
    const body = document.createElementNS(svgNs, 'path');
    body.setAttribute('d', `M${x} ${y - s}L${x + s} ${y + s}L${x - s} ${y + s}Z`);
    body.setAttribute('fill', truckColours[t.status] || unknownColour);
    body.dataset.assetId = t.id;
    body.dataset.kind = 'truck';
    body.appendChild(document.createElementNS(svgNs, 'title')).textContent = `${t.id} ${t.status}`;
    bodies.appendChild(body);
  }
  $('routes').replaceChildren(routes);
  $('trucks').replaceChildren(bodies);
}

function colourOf(asset) {
  const b = asset.bands;
  switch (asset.kind) {
    case 'bin': return fillColours[b.fill] || unknownColour;
    case 'streetlight': {
      if (b.power === 'off') return '#37474f';
      const level = parseFloat(b.level);
      if (Number.isNaN(level)) return unknownColour;
      return `hsl(52, 95%, ${Math.round(20 + 45 * level)}%)`;
    }
    case 'intersection': return congestionColours[b.congestion] || unknownColour;
    case 'airQuality': return airColours[b.airQuality] || unknownColour;
    default: return unknownColour;
  }
}

// Changes are applied once per frame, however many events arrived since the last one.
function paint() {
  if (state.dirty.size > 0) {
    for (const id of state.dirty) {
      const asset = state.assets.get(id);
      if (!asset) continue;
      asset.el.setAttribute('fill', colourOf(asset));
      const fill = asset.bands.fill;
      if (fill !== undefined) asset.el.dataset.fill = fill;
      if (asset.kind === 'streetlight') asset.el.classList.toggle('fault', asset.faults.size > 0);
    }
    state.dirty.clear();
  }
  if (state.alertsDirty) {
    state.alertsDirty = false;
    renderAlerts();
  }
}

// ---- events ----

function applySnapshot(snapshot) {
  for (const asset of state.assets.values()) asset.faults.clear();
  for (const a of snapshot.assets) {
    const asset = state.assets.get(a.assetId);
    if (!asset) continue;
    asset.bands = a.bands;
    state.dirty.add(a.assetId);
  }
  state.alerts.clear();
  for (const alert of snapshot.activeAlerts) {
    state.alerts.set(alert.id, alert);
    faultFromAlert(alert, true);
  }
  state.alertsDirty = true;
  if (snapshot.trucks) drawTrucks(snapshot.trucks);
}

function applyTwin(twin) {
  if (twin.kind === 'truck') {
    refreshTrucksSoon();
    return;
  }
  const asset = state.assets.get(twin.assetId);
  if (!asset) {
    addAsset(twin.assetId, twin.bands);
    return;
  }
  if (twin.bands) asset.bands = twin.bands;
  for (const signal of twin.signals) {
    if (!lightFaultCodes.has(signal.code)) continue;
    if (signal.kind === 'faultRaised') asset.faults.add(signal.code);
    else if (signal.kind === 'faultCleared') asset.faults.delete(signal.code);
  }
  state.dirty.add(twin.assetId);
}

function faultFromAlert(alert, active) {
  if (!lightFaultAlerts.has(alert.type)) return;
  const asset = state.assets.get(alert.assetId);
  if (!asset) return;
  if (active) asset.faults.add(alert.type); else asset.faults.delete(alert.type);
  state.dirty.add(alert.assetId);
}

function applyAlert(change) {
  const alert = change.alert;
  if (change.change === 'cleared' || alert.clearedAt) {
    state.alerts.delete(alert.id);
    faultFromAlert(alert, false);
  } else {
    state.alerts.set(alert.id, alert);
    faultFromAlert(alert, true);
  }
  state.alertsDirty = true;
}

function refreshTrucksSoon() {
  if (state.trucksDue) return;
  const district = state.district;
  state.trucksDue = setTimeout(() => {
    state.trucksDue = null;
    if (state.district !== district) return;
    request(api.trucks(district)).then(map => { if (state.district === district) drawTrucks(map.trucks); }).catch(() => {});
  }, truckRefreshMs);
}

// An asset provisioned after the map was drawn: its first event brings it onto the map, where its record says it stands.
function addAsset(assetId, bands) {
  if (state.adding.has(assetId)) return;
  state.adding.add(assetId);
  const district = state.district;
  request(api.asset(assetId)).then(view => {
    const location = view.record && view.record.provision && view.record.provision.location;
    if (state.district !== district || state.assets.has(assetId) || !location || !state.project) return;
    const el = shapeOf(view.kind, state.project(location));
    el.dataset.assetId = assetId;
    el.dataset.kind = view.kind;
    el.appendChild(document.createElementNS(svgNs, 'title')).textContent = assetId;
    $('assets').appendChild(el);
    state.assets.set(assetId, { kind: view.kind, el, bands: bands || {}, faults: new Set() });
    state.dirty.add(assetId);
  }).catch(() => {}).finally(() => state.adding.delete(assetId));
}

function applyPlan(plan, at) {
  const item = document.createElement('li');
  item.textContent = `${new Date(at).toLocaleTimeString()} ${plan.plan}: ${plan.summary}`;
  $('plans').prepend(item);
  while ($('plans').children.length > 20) $('plans').lastChild.remove();
  if (plan.plan === 'collection' && state.district) refreshTrucksSoon();
}

function renderAlerts() {
  const alerts = [...state.alerts.values()].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
  $('alert-count').textContent = alerts.length;
  $('alerts').replaceChildren(...alerts.slice(0, 200).map(alert => {
    const item = document.createElement('li');
    item.dataset.alertId = alert.id;
    item.dataset.severity = alert.severity;
    item.dataset.acknowledged = alert.acknowledgedAt ? 'true' : 'false';
    const title = document.createElement('strong');
    title.textContent = `${alert.type} · ${alert.assetId}`;
    const detail = document.createElement('div');
    detail.textContent = `${alert.severity}, since ${new Date(alert.firstSeenAt).toLocaleTimeString()}`
      + (alert.acknowledgedAt ? `, acknowledged by ${alert.acknowledgedBy}` : '');
    item.append(title, detail);
    if (!alert.acknowledgedAt) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Acknowledge';
      button.addEventListener('click', () => acknowledge(alert.id, button));
      item.appendChild(button);
    }
    return item;
  }));
}

async function acknowledge(alertId, button) {
  button.disabled = true;
  try {
    await request(api.acknowledge(state.district, alertId), { method: 'POST', body: '{}' });
  } catch (e) {
    button.disabled = false;
    button.textContent = `Acknowledge (failed: ${e.message})`;
  }
}

start();
