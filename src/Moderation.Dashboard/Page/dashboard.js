(() => {
  'use strict';
  // Every value shown comes from user-controlled data (post ids, headers): it is only ever set with textContent or
  // DOM properties, never parsed as HTML.
  const base = location.pathname.replace(/\/+$/, '');
  const $ = (id) => document.getElementById(id);
  const rowsEl = $('rows');
  const reasonClasses = new Map([['abnormal', 'reason-abnormal'], ['synthetic', 'reason-synthetic']]);
  const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
  const rowKeys = new WeakMap();
  const rowText = new WeakMap();
  const state = { capacity: 500, lastId: null, seen: new Set(), queue: [], paused: false, countsTimer: 0, resync: false };

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };
  const entries = (obj) => (obj && typeof obj === 'object' ? Object.entries(obj) : []);
  const header = (v, name) => new Map(entries(v.headers)).get(name);
  const reasonClass = (reason) => reasonClasses.get(reason) || 'reason-other';
  const fmtScore = (x) => (typeof x === 'number' ? (Math.abs(x) >= 1000 ? x.toExponential(2) : x.toFixed(3)) : '–');
  const fmtLatency = (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`);

  function setStatus(kind, text) {
    $('status').dataset.state = kind;
    $('status-text').textContent = text;
  }

  function renderChips(container, map, classOf) {
    const sorted = entries(map).sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
    container.replaceChildren();
    if (sorted.length === 0) container.append(el('span', 'muted', 'none yet'));
    for (const [name, count] of sorted) {
      const chip = el('span', `chip ${classOf(name)}`);
      const label = el('span', 'chip-name', name);
      label.title = name;
      chip.append(label, el('span', 'chip-count', Number(count).toLocaleString()));
      container.append(chip);
    }
  }

  function renderCounts(c) {
    $('count-total').textContent = Number(c.total).toLocaleString();
    $('count-duplicates').textContent = Number(c.duplicates).toLocaleString();
    $('count-malformed').textContent = Number(c.malformed).toLocaleString();
    renderChips($('count-reasons'), c.byReason, reasonClass);
    renderChips($('count-sources'), c.bySource, () => 'reason-other');
  }

  async function snapshot(limit) {
    const response = await fetch(`${base}/api/flags?limit=${limit}`, { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  // Counts come from the server (the source of truth across reconnects), at most twice a second while flags arrive.
  function refreshCountsSoon() {
    if (state.countsTimer) return;
    state.countsTimer = setTimeout(async () => {
      try { renderCounts((await snapshot(0)).counts); } catch { /* the next flag or the periodic refresh retries */ }
      state.countsTimer = 0;
    }, 500);
  }

  function scoreCell(v) {
    const td = el('td', 'scores');
    const scores = new Map(entries(v.scores));
    const thresholds = new Map(entries(v.thresholds));
    const names = [...new Set([...scores.keys(), ...thresholds.keys()])].sort();
    for (const name of names) {
      const value = scores.get(name);
      const threshold = thresholds.get(name);
      const over = typeof value === 'number' && typeof threshold === 'number' && value > threshold;
      const line = el('div', over ? 'score over' : 'score');
      const label = el('span', 'score-name', name);
      label.title = name;
      line.append(label, el('span', 'score-value', fmtScore(value)),
        el('span', 'score-op', threshold === undefined ? '' : (over ? '>' : '≤')),
        el('span', 'score-thr', threshold === undefined ? '' : fmtScore(threshold)));
      td.append(line);
    }
    return td;
  }

  function buildRow(v) {
    const tr = el('tr');
    const at = new Date(Number(v.scoredAt));
    const time = el('td', 'time', clock.format(at));
    time.append(el('span', 'date', day.format(at)));
    time.title = at.toISOString();
    const post = el('td');
    post.append(el('div', 'post-id', v.postId),
      el('div', 'meta', `${v.sourceTopic} · partition ${v.sourcePartition} · offset ${v.sourceOffset}`));
    post.title = `model ${v.modelVersion}`;
    const reasons = el('td');
    for (const reason of Array.isArray(v.reasons) ? v.reasons : []) reasons.append(el('span', `badge ${reasonClass(reason)}`, reason));
    const userId = header(v, 'user-id');
    const source = header(v, 'source');
    const sourceCell = el('td');
    sourceCell.append(source === undefined ? el('span', 'muted', '—') : el('span', 'source-tag', source));
    const latency = el('td', Number(v.latencyMs) > 1000 ? 'num latency slow' : 'num latency', fmtLatency(Number(v.latencyMs)));
    tr.append(time, post, reasons, scoreCell(v), el('td', 'user', userId === undefined ? '—' : userId), sourceCell, latency);
    rowText.set(tr, [v.postId, userId, source, ...(Array.isArray(v.reasons) ? v.reasons : [])].join('\n').toLowerCase());
    return tr;
  }

  function applyFilter(tr) {
    const query = $('filter').value.trim().toLowerCase();
    tr.hidden = query !== '' && !rowText.get(tr).includes(query);
  }

  function updateSummary() {
    const total = rowsEl.rows.length;
    const visible = [...rowsEl.rows].filter((r) => !r.hidden).length;
    $('empty').hidden = total > 0;
    $('shown').textContent = `${visible.toLocaleString()} of ${total.toLocaleString()} shown · keeps the latest ${state.capacity.toLocaleString()}`;
    $('pause').textContent = state.paused ? `Resume${state.queue.length ? ` (${state.queue.length} new)` : ''}` : 'Pause';
  }

  function addPost(v, fresh) {
    const key = [v.sourceTopic, v.sourcePartition, v.sourceOffset, v.modelVersion].join('\u0000');
    if (state.seen.has(key)) return;
    state.seen.add(key);
    const tr = buildRow(v);
    rowKeys.set(tr, key);
    if (fresh) tr.classList.add('fresh');
    applyFilter(tr);
    rowsEl.prepend(tr);
    while (rowsEl.rows.length > state.capacity) {
      state.seen.delete(rowKeys.get(rowsEl.lastElementChild));
      rowsEl.lastElementChild.remove();
    }
  }

  function onFlag(event) {
    let verdict;
    try { verdict = JSON.parse(event.data); } catch { return; }
    state.lastId = event.lastEventId || state.lastId;
    $('last-flag').textContent = ` · last flag ${clock.format(new Date())}`;
    if (state.paused) {
      state.queue.push(verdict);
      if (state.queue.length > state.capacity) state.queue.shift();
    } else {
      addPost(verdict, true);
    }
    refreshCountsSoon();
    updateSummary();
  }

  function connect() {
    const after = state.lastId === null ? '' : `?after=${encodeURIComponent(state.lastId)}`;
    const source = new EventSource(`${base}/events${after}`);
    source.onopen = () => {
      setStatus('live', 'Live');
      if (state.resync) { state.resync = false; refreshCountsSoon(); }
    };
    source.onmessage = onFlag;
    source.onerror = () => {
      state.resync = true;
      if (source.readyState === EventSource.CLOSED) { // the browser gave up (e.g. an HTTP error): retry ourselves
        setStatus('down', 'Disconnected · retrying');
        source.close();
        setTimeout(connect, 5000);
      } else {
        setStatus('reconnecting', 'Reconnecting…');
      }
    };
  }

  async function start() {
    try {
      const snap = await snapshot(100000);
      state.capacity = snap.capacity;
      state.lastId = String(snap.latestId);
      renderCounts(snap.counts);
      for (const post of snap.flags.slice().reverse()) addPost(post.verdict, false);
      updateSummary();
      connect();
    } catch {
      setStatus('down', 'Dashboard API unreachable · retrying');
      setTimeout(start, 5000);
    }
  }

  $('filter').addEventListener('input', () => { for (const tr of rowsEl.rows) applyFilter(tr); updateSummary(); });
  $('pause').addEventListener('click', () => {
    state.paused = !state.paused;
    $('pause').setAttribute('aria-pressed', String(state.paused));
    if (!state.paused) { for (const v of state.queue.splice(0)) addPost(v, true); }
    updateSummary();
  });
  setInterval(refreshCountsSoon, 15000); // drops (duplicates, malformed) produce no event
  updateSummary();
  start();
})();
