// SPDX-License-Identifier: MIT
// epiwire dashboard: fetches the JSON API and draws the map, series, alerts, events
// and the article view. All data reaches the page through textContent or d3's
// text(): never as HTML. Tested by tests/dashboard_e2e.
'use strict';

const state = { filter: {}, eventsOffset: 0, selectedPlace: null, selectedRow: null };
const EVENTS_PAGE = 100;
const utf8 = { encoder: new TextEncoder(), decoder: new TextDecoder() };

// ---- small helpers ---------------------------------------------------------

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function showError(message) {
  const box = document.getElementById('error');
  box.textContent = message;
  box.hidden = !message;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

// GET an API path (or POST, with `init`); resolves to {ok, status, body}. Never
// throws on HTTP errors.
async function api(path, params, init) {
  try {
    const response = await fetch('/api/' + path + query(params || {}), init);
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    return { ok: response.ok, status: response.status, body };
  } catch (e) {
    return { ok: false, status: 0, body: { error: 'server unreachable' } };
  }
}

function errorText(result) {
  return (result.body && result.body.error) || ('HTTP ' + result.status);
}

function placeLabel(place) {
  if (!place) return '';
  return place.country && place.name !== place.country ? place.name + ' (' + place.country + ')'
                                                       : place.name;
}

function eventDate(event) {
  return (event.period && event.period.end) || event.published || '';
}

function eventWhat(event) {
  if (event.type === 'measure') return event.measure.replace(/_/g, ' ') + ' (' + event.action + ')';
  let what = event.status + (event.aggregation ? ', ' + event.aggregation : '');
  if (event.imported) what += ', imported' + (event.origin ? ' from ' + event.origin.name : '');
  return what;
}

// UTF-8 byte offset in `bytes` to a JS string index (UTF-16 code units).
function byteToIndex(bytes, offset) {
  const clamped = Math.max(0, Math.min(offset, bytes.length));
  return utf8.decoder.decode(bytes.subarray(0, clamped)).length;
}

// ---- stats -----------------------------------------------------------------

async function loadStats() {
  const result = await api('stats');
  const stats = document.getElementById('stats');
  if (!result.ok) {
    stats.textContent = 'stats unavailable: ' + errorText(result);
    return;
  }
  const b = result.body;
  stats.textContent = b.documents === 0
    ? 'no data: the database is empty (run epiwire ingest)'
    : b.documents + ' documents, ' + b.events + ' events, ' + b.facts + ' facts';
}

// ---- map -------------------------------------------------------------------

const map = { width: 960, height: 480, projection: null, world: null };

async function loadWorld() {
  const svg = d3.select('#map').attr('viewBox', '0 0 ' + map.width + ' ' + map.height);
  map.projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [map.width - 8, map.height - 8]],
                                                    { type: 'Sphere' });
  const path = d3.geoPath(map.projection);
  const defs = svg.append('defs');
  defs.append('marker').attr('id', 'arrow').attr('viewBox', '0 0 10 10')
      .attr('refX', 9).attr('refY', 5).attr('markerWidth', 7).attr('markerHeight', 7)
      .attr('orient', 'auto-start-reverse')
      .append('path').attr('class', 'arrowhead').attr('d', 'M0,0L10,5L0,10z');
  svg.append('path').datum(d3.geoGraticule10()).attr('class', 'graticule').attr('d', path);
  const countries = svg.append('g').attr('class', 'countries');
  svg.append('g').attr('class', 'routes');
  svg.append('g').attr('class', 'markers');
  try {
    const world = await d3.json('/vendor/world-atlas/countries-110m.json');
    const features = topojson.feature(world, world.objects.countries).features;
    countries.selectAll('path').data(features).join('path')
        .attr('class', 'country').attr('d', path)
        .append('title').text((d) => d.properties.name);
  } catch (e) {
    document.getElementById('map-status').textContent = 'world map unavailable';
  }
}

function projectPlace(place) {
  if (!place || place.lat === null || place.lon === null) return null;
  const point = map.projection([place.lon, place.lat]);
  return point && isFinite(point[0]) && isFinite(point[1]) ? point : null;
}

// A gentle arc from a to b, so that arrows in both directions stay apart.
function arc(a, b) {
  const mx = (a[0] + b[0]) / 2, my = (a[1] + b[1]) / 2;
  const dx = b[0] - a[0], dy = b[1] - a[1];
  return 'M' + a[0] + ',' + a[1] + 'Q' + (mx - dy * 0.2) + ',' + (my + dx * 0.2) + ' ' + b[0] + ','
      + b[1];
}

async function loadMap() {
  const [places, routes] = await Promise.all([api('places', state.filter),
                                              api('routes', state.filter)]);
  const status = document.getElementById('map-status');
  const svg = d3.select('#map');
  const placeList = places.ok ? places.body.places : [];
  const routeList = routes.ok ? routes.body.routes : [];
  status.textContent = !places.ok ? 'places unavailable: ' + errorText(places)
      : placeList.length === 0 ? 'no data' : placeList.length + ' places, ' + routeList.length
          + ' importation routes';
  const drawable = routeList.map((r) => ({ r, a: projectPlace(r.origin), b: projectPlace(r.destination) }))
      .filter((d) => d.a && d.b);
  svg.select('g.routes').selectAll('path').data(drawable).join('path')
      .attr('class', 'route').attr('d', (d) => arc(d.a, d.b)).attr('marker-end', 'url(#arrow)')
      .call((sel) => sel.selectAll('title').remove())
      .append('title').text((d) => 'imported from ' + placeLabel(d.r.origin) + ' into '
          + placeLabel(d.r.destination) + ': ' + d.r.events + ' events');
  const markers = placeList.map((p) => ({ p, xy: projectPlace(p.place) })).filter((d) => d.xy);
  // Area grows with the number of events; a few events stay small next to many.
  const largest = Math.max(25, d3.max(markers, (d) => d.p.events) || 1);
  const radius = d3.scaleSqrt().domain([0, largest]).range([3, 20]).clamp(true);
  svg.select('g.markers').selectAll('circle').data(markers).join('circle')
      .attr('class', 'marker').attr('cx', (d) => d.xy[0]).attr('cy', (d) => d.xy[1])
      .attr('r', (d) => radius(d.p.events))
      .on('click', (_, d) => selectPlace(d.p))
      .call((sel) => sel.selectAll('title').remove())
      .append('title').text((d) => placeLabel(d.p.place) + ': ' + d.p.events + ' events, up to '
          + d.p.max_count + ' cases');
  svg.select('g.markers').selectAll('text').data(markers.slice(0, 12)).join('text')
      .attr('class', 'place-label').attr('x', (d) => d.xy[0] + radius(d.p.events) + 2)
      .attr('y', (d) => d.xy[1] + 3).text((d) => d.p.place.name);
  if (!state.selectedPlace && placeList.length > 0) selectPlace(placeList[0]);
  if (placeList.length === 0) drawSeries(null, 'no data');
}

// ---- series ----------------------------------------------------------------

function selectPlace(entry) {
  state.selectedPlace = entry;
  d3.select('#map').selectAll('circle.marker')
      .classed('selected', (d) => d.p.place.name === entry.place.name
          && d.p.place.country === entry.place.country);
  loadSeries();
}

async function loadSeries() {
  const entry = state.selectedPlace;
  if (!entry) return;
  const params = { place: entry.place.name, country: entry.place.country || '',
                   disease: state.filter.disease, from: state.filter.from, to: state.filter.to };
  document.getElementById('series-title').textContent = placeLabel(entry.place)
      + (state.filter.disease ? ', ' + state.filter.disease : '');
  const result = await api('series', params);
  if (!result.ok) {
    drawSeries(null, 'series unavailable: ' + errorText(result));
    return;
  }
  drawSeries(result.body.series, result.body.series.length === 0 ? 'no data' : '');
}

function seriesName(s) {
  return s.key.status + (s.key.imported === true ? ' imported' : s.key.imported === false
      ? ' local' : '') + (s.key.disease ? ' ' + s.key.disease : '');
}

function drawSeries(seriesList, message) {
  const svg = d3.select('#series');
  svg.selectAll('*').remove();
  document.getElementById('series-status').textContent = message || '';
  if (!seriesList || seriesList.length === 0) return;
  const width = 480, height = 240, m = { top: 10, right: 10, bottom: 24, left: 44 };
  svg.attr('viewBox', '0 0 ' + width + ' ' + height);
  const lines = seriesList.slice(0, 6).map((s) => {
    let running = 0;
    const points = s.points.map((p) => {
      running = p.cumulative !== null ? p.cumulative : running + (p.new || 0);
      return { date: new Date(p.date + 'T00:00:00Z'), value: running, fresh: p.new };
    });
    return { name: seriesName(s), points };
  });
  const all = lines.flatMap((l) => l.points);
  const x = d3.scaleUtc().domain(d3.extent(all, (p) => p.date)).range([m.left, width - m.right]);
  if (x.domain()[0].getTime() === x.domain()[1].getTime()) {
    x.domain([d3.utcDay.offset(x.domain()[0], -1), d3.utcDay.offset(x.domain()[1], 1)]);
  }
  const y = d3.scaleLinear().domain([0, d3.max(all, (p) => p.value) || 1]).nice()
      .range([height - m.bottom, m.top]);
  const color = d3.scaleOrdinal(d3.schemeTableau10);
  const days = Math.round((x.domain()[1] - x.domain()[0]) / 86400000);
  svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (height - m.bottom) + ')')
      .call(d3.axisBottom(x).ticks(Math.max(1, Math.min(5, days)))
          .tickFormat(d3.utcFormat(days > 400 ? '%Y-%m' : '%b %d')));
  svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + m.left + ',0)')
      .call(d3.axisLeft(y).ticks(5));
  const line = d3.line().x((p) => x(p.date)).y((p) => y(p.value));
  lines.forEach((l, i) => {
    svg.append('path').datum(l.points).attr('class', 'line').attr('stroke', color(i))
        .attr('d', line);
    svg.append('g').selectAll('circle').data(l.points).join('circle')
        .attr('cx', (p) => x(p.date)).attr('cy', (p) => y(p.value)).attr('r', 2.5)
        .attr('fill', color(i))
        .append('title').text((p) => d3.utcFormat('%Y-%m-%d')(p.date) + ': ' + p.value);
    svg.append('text').attr('class', 'legend').attr('x', m.left + 8).attr('y', m.top + 12 + i * 14)
        .attr('fill', color(i)).text(l.name);
  });
}

// ---- alerts ----------------------------------------------------------------

// POST to an API path with an empty JSON body (the server only accepts writes sent
// as JSON from its own page).
function apiPost(path) {
  return api(path, {}, { method: 'POST', headers: { 'Content-Type': 'application/json' },
                         body: '{}' });
}

// "6 of 7 baseline days reported" for case counts; article counts are dense.
function baselineText(alert) {
  if (alert.kind !== 'aberration') return 'first report of its kind';
  const parts = [];
  if (alert.baseline_observed !== null) {
    parts.push('case counts: baseline of ' + alert.baseline_observed + ' of 7 days reported');
  }
  if (alert.signals.some((s) => s.measure === 'articles')) parts.push('article counts: 7-day baseline');
  return parts.join('; ');
}

function alertItem(alert) {
  const item = el('li', null, 'alert severity-' + alert.severity + (alert.dismissed ? ' dismissed' : ''));
  item.dataset.alertId = alert.id;
  const head = el('div', null, 'alert-head');
  head.appendChild(el('span', alert.first_date === alert.last_date ? alert.first_date
      : alert.first_date + ' \u2013 ' + alert.last_date, 'date'));
  head.appendChild(el('span', alert.severity, 'severity'));
  head.appendChild(el('span', alert.title, 'title'));
  const action = el('button', alert.dismissed ? 'Restore' : 'Dismiss', 'dismiss');
  action.type = 'button';
  action.addEventListener('click', async () => {
    action.disabled = true;
    const result = await apiPost('alerts/' + encodeURIComponent(alert.id)
                                 + (alert.dismissed ? '/restore' : '/dismiss'));
    if (!result.ok) {
      showError('alert: ' + errorText(result));
      action.disabled = false;
      return;
    }
    loadAlerts();
  });
  head.appendChild(action);
  item.appendChild(head);
  const methods = alert.methods.length ? alert.methods.join(', ') + ' \u00b7 ' : '';
  item.appendChild(el('div', methods + baselineText(alert)
      + (alert.raised ? ' \u00b7 known on ' + alert.raised : ''), 'alert-meta muted small'));
  const details = el('details', null, 'evidence');
  details.appendChild(el('summary', 'evidence: ' + alert.evidence.length + ' reports, '
      + alert.signals.length + ' signals'));
  const signals = el('ul', null, 'signals small');
  for (const signal of alert.signals.slice(0, 12)) signals.appendChild(el('li', signal.message));
  details.appendChild(signals);
  const reports = el('ul', null, 'reports');
  for (const report of alert.evidence) {
    const line = el('li', null, 'report');
    line.appendChild(el('span', report.published || '', 'date'));
    const quote = el('a', report.quote || '(no sentence)', 'quote');
    quote.href = '#article';
    quote.title = report.document_id;
    quote.addEventListener('click', (e) => {
      e.preventDefault();
      openArticle(report.document_id, report.event_index);
    });
    line.appendChild(quote);
    reports.appendChild(line);
  }
  details.appendChild(reports);
  item.appendChild(details);
  return item;
}

async function loadAlerts() {
  const list = document.getElementById('alerts');
  const method = document.getElementById('alert-method').value;
  const showDismissed = document.getElementById('alerts-dismissed').checked;
  const result = await api('alerts', { method, disease: state.filter.disease,
                                       country: state.filter.country, from: state.filter.from,
                                       to: state.filter.to,
                                       dismissed: showDismissed ? 'show' : '' });
  const summary = document.getElementById('alerts-summary');
  clear(list);
  if (!result.ok) {
    summary.textContent = '';
    list.appendChild(el('li', 'alerts unavailable: ' + errorText(result), 'muted'));
    return;
  }
  const body = result.body;
  summary.textContent = body.alerts.length + (body.has_more ? '+' : '') + ' alerts'
      + (body.dismissed_count ? ', ' + body.dismissed_count + ' dismissed' : '');
  if (body.alerts.length === 0) {
    list.appendChild(el('li', 'no data: no alerts', 'muted empty'));
    return;
  }
  for (const alert of body.alerts) list.appendChild(alertItem(alert));
}

// ---- events ----------------------------------------------------------------

async function loadEvents(append) {
  if (!append) state.eventsOffset = 0;
  const body = document.querySelector('#events tbody');
  const result = await api('events', Object.assign({}, state.filter,
                                                   { limit: EVENTS_PAGE, offset: state.eventsOffset }));
  if (!append) clear(body);
  const more = document.getElementById('events-more');
  if (!result.ok) {
    more.hidden = true;
    showError('events: ' + errorText(result));
    return;
  }
  if (!append && result.body.events.length === 0) {
    const row = el('tr', null, 'empty');
    const cell = el('td', 'no data');
    cell.colSpan = 6;
    row.appendChild(cell);
    body.appendChild(row);
  }
  for (const event of result.body.events) body.appendChild(eventRow(event));
  state.eventsOffset += result.body.events.length;
  more.hidden = !result.body.has_more;
}

function eventRow(event) {
  const row = el('tr', null, 'event');
  row.dataset.documentId = event.document_id;
  row.dataset.eventIndex = String(event.event_index);
  row.appendChild(el('td', eventDate(event)));
  row.appendChild(el('td', placeLabel(event.place)));
  row.appendChild(el('td', event.disease || ''));
  row.appendChild(el('td', eventWhat(event)));
  row.appendChild(el('td', event.type === 'cases' ? event.count : '', 'count'));
  row.appendChild(el('td', event.document_id));
  row.title = event.evidence.quote;
  row.addEventListener('click', () => {
    if (state.selectedRow) state.selectedRow.classList.remove('selected');
    row.classList.add('selected');
    state.selectedRow = row;
    openArticle(event.document_id, event.event_index);
  });
  return row;
}

// ---- article ---------------------------------------------------------------

async function openArticle(documentId, eventIndex) {
  const section = document.getElementById('article');
  const result = await api('documents/' + encodeURIComponent(documentId));
  section.hidden = false;
  const textBox = document.getElementById('article-text');
  clear(textBox);
  if (!result.ok) {
    document.getElementById('article-title').textContent = 'Article unavailable';
    document.getElementById('article-meta').textContent = errorText(result);
    return;
  }
  const doc = result.body;
  document.getElementById('article-title').textContent = doc.title || doc.id;
  const meta = [doc.published ? 'published ' + doc.published : 'no publication date',
                doc.url || '', doc.events.length + ' events'].filter(Boolean);
  document.getElementById('article-meta').textContent = meta.join(' \u00b7 ');
  const event = doc.events.find((e) => e.event_index === eventIndex);
  const bytes = utf8.encoder.encode(doc.text);
  let mark = null;
  if (event && event.evidence.end > event.evidence.start) {
    const start = byteToIndex(bytes, event.evidence.start);
    const end = byteToIndex(bytes, event.evidence.end);
    textBox.appendChild(document.createTextNode(doc.text.slice(0, start)));
    mark = el('mark', doc.text.slice(start, end));
    textBox.appendChild(mark);
    textBox.appendChild(document.createTextNode(doc.text.slice(end)));
  } else {
    textBox.appendChild(document.createTextNode(doc.text));
  }
  section.scrollIntoView({ block: 'start' });
  if (mark) mark.scrollIntoView({ block: 'center' });
}

// ---- wiring ----------------------------------------------------------------

function readFilter() {
  const value = (id) => document.getElementById(id).value.trim();
  return { disease: value('filter-disease').toLowerCase(),
           country: value('filter-country').toUpperCase(),
           from: value('filter-from'), to: value('filter-to') };
}

async function refresh() {
  showError('');
  state.selectedPlace = null;
  document.getElementById('article').hidden = true;
  await Promise.all([loadStats(), loadMap(), loadAlerts(), loadEvents(false)]);
  document.body.dataset.ready = 'true';
}

async function main() {
  const form = document.getElementById('filters');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state.filter = readFilter();
    refresh();
  });
  form.addEventListener('reset', () => {
    state.filter = {};
    setTimeout(refresh, 0);
  });
  document.getElementById('alert-method').addEventListener('change', loadAlerts);
  document.getElementById('alerts-dismissed').addEventListener('change', loadAlerts);
  document.getElementById('events-more').addEventListener('click', () => loadEvents(true));
  await loadWorld();
  await refresh();
}

document.addEventListener('DOMContentLoaded', main);
