(() => {
  'use strict';
  // Every value shown comes from user-controlled data (post ids, headers, notes): it is only ever set with textContent
  // or DOM properties, never parsed as HTML.
  const base = location.pathname.replace(/\/+$/, '');
  const $ = (id) => document.getElementById(id);
  const list = $('posts');
  const reasonClasses = new Map([['abnormal', 'reason-abnormal'], ['synthetic', 'reason-synthetic']]);
  const when = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const state = { csrf: null, role: 'reviewer', cards: new Map(), views: new WeakMap(), lastId: null, source: null, countsTimer: 0 };

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };
  const entries = (obj) => (obj && typeof obj === 'object' ? Object.entries(obj) : []);
  const fmtScore = (x) => (typeof x === 'number' ? (Math.abs(x) >= 1000 ? x.toExponential(2) : x.toFixed(3)) : '–');
  const filters = () => ({ status: $('filter-status').value, reason: $('filter-reason').value, model: $('filter-model').value });

  function setStatus(kind, text) { $('status').dataset.state = kind; $('status-text').textContent = text; }
  function showError(text) { $('error').hidden = !text; $('error').textContent = text || ''; }

  async function api(path, init) {
    const response = await fetch(`${base}${path}`, { cache: 'no-store', credentials: 'same-origin', ...init });
    if (response.status === 401) { location.href = `${base}/login`; throw new Error('logged out'); }
    return response;
  }

  function matches(post, f) {
    if (f.status === 'undecided' && post.decision) return false;
    if (f.status === 'decided' && !post.decision) return false;
    if (f.reason && !(post.verdict.reasons || []).includes(f.reason)) return false;
    if (f.model && post.verdict.modelVersion !== f.model) return false;
    return true;
  }

  function scoreLines(v) {
    const box = el('div', 'scores');
    const scores = new Map(entries(v.scores));
    const thresholds = new Map(entries(v.thresholds));
    for (const name of [...new Set([...scores.keys(), ...thresholds.keys()])].sort()) {
      const value = scores.get(name);
      const threshold = thresholds.get(name);
      const over = typeof value === 'number' && typeof threshold === 'number' && value > threshold;
      const line = el('div', over ? 'score over' : 'score');
      line.append(el('span', 'score-name', name), el('span', 'score-value', fmtScore(value)),
        el('span', 'score-op', threshold === undefined ? '' : (over ? '>' : '≤')),
        el('span', 'score-thr', threshold === undefined ? '' : fmtScore(threshold)));
      box.append(line);
    }
    return box;
  }

  function thumb(post) {
    const box = el('div', 'thumb');
    if (post.imageState === 'kept') {
      const img = el('img');
      img.alt = `image of post ${post.postId}`;
      img.src = `${base}/api/image?post=${encodeURIComponent(post.postId)}`;
      box.append(img);
    } else {
      box.textContent = `image ${post.imageState} (${Number(post.imageLength).toLocaleString()} bytes)`;
    }
    return box;
  }

  function decisionLine(post) {
    if (!post.decision) return null;
    const text = `${post.decision === 'confirm' ? 'Confirmed' : 'Dismissed'} by ${post.reviewer} · ${when.format(new Date(Number(post.decidedAt)))}`
      + (post.note ? ` · “${post.note}”` : '');
    return el('div', `decision ${post.decision}`, text);
  }

  function buildCard(post) {
    const v = post.verdict;
    const card = el('article', 'post');
    card.tabIndex = -1;
    if (post.decision) card.classList.add(`decided-${post.decision}`);
    const info = el('div', 'info');
    const headers = new Map(entries(v.headers));
    info.append(el('div', 'post-id', post.postId),
      el('div', 'meta', `model ${v.modelVersion} · user ${headers.get('user-id') ?? '—'} · flagged ${when.format(new Date(Number(v.scoredAt)))}`));
    const reasons = el('div', 'reasons');
    for (const reason of Array.isArray(v.reasons) ? v.reasons : []) reasons.append(el('span', `badge ${reasonClasses.get(reason) || ''}`, reason));
    info.append(reasons, scoreLines(v));
    const actions = el('div', 'actions');
    const note = el('input', 'note');
    note.placeholder = 'Note (optional)';
    note.maxLength = 2000;
    note.setAttribute('aria-label', `note for ${post.postId}`);
    const confirm = el('button', 'confirm', 'Confirm');
    const dismiss = el('button', 'dismiss', 'Dismiss');
    confirm.type = dismiss.type = 'button';
    const locked = Boolean(post.decision) && state.role !== 'admin';
    confirm.disabled = dismiss.disabled = note.disabled = locked;
    confirm.addEventListener('click', () => decide(post.postId, 'confirm', note.value));
    dismiss.addEventListener('click', () => decide(post.postId, 'dismiss', note.value));
    actions.append(note, confirm, dismiss);
    card.append(thumb(post), info, actions);
    const line = decisionLine(post);
    if (line) card.append(line);
    card.addEventListener('click', (e) => { if (e.target.tagName !== 'INPUT' && e.target.tagName !== 'BUTTON') select(card); });
    state.views.set(card, post);
    return card;
  }

  function upsert(post, fresh) {
    const old = state.cards.get(post.postId);
    if (!matches(post, filters())) {
      if (old) { old.remove(); state.cards.delete(post.postId); }
      return;
    }
    const card = buildCard(post);
    if (fresh) card.classList.add('fresh');
    if (old) {
      if (old.classList.contains('selected')) card.classList.add('selected');
      old.replaceWith(card);
    } else if (fresh) {
      list.prepend(card);
    } else {
      list.append(card);
    }
    state.cards.set(post.postId, card);
  }

  function updateSummary() {
    $('empty').hidden = list.children.length > 0;
    $('shown').textContent = `${list.children.length.toLocaleString()} shown`;
    if (!list.querySelector('.post.selected') && list.firstElementChild) list.firstElementChild.classList.add('selected');
  }

  function renderCounts(c) {
    $('count-undecided').textContent = Number(c.undecided).toLocaleString();
    $('count-confirmed').textContent = Number(c.confirmed).toLocaleString();
    $('count-dismissed').textContent = Number(c.dismissed).toLocaleString();
    $('count-total').textContent = Number(c.total).toLocaleString();
  }

  function fillSelect(select, values) {
    const current = select.value;
    const first = select.firstElementChild;
    select.replaceChildren(first);
    for (const value of values) { const option = el('option', null, value); option.value = value; select.append(option); }
    if ([...select.options].some((o) => o.value === current)) select.value = current;
  }

  async function queue() {
    const f = filters();
    const query = new URLSearchParams({ status: f.status, reason: f.reason, model: f.model });
    const response = await api(`/api/posts?${query}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  function refreshCountsSoon() {
    if (state.countsTimer) return;
    state.countsTimer = setTimeout(async () => {
      try { const q = await queue(); renderCounts(q.counts); fillSelect($('filter-reason'), q.reasons); fillSelect($('filter-model'), q.models); } catch { /* next event retries */ }
      state.countsTimer = 0;
    }, 400);
  }

  async function decide(postId, decision, note) {
    showError('');
    try {
      const response = await api('/api/decisions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': state.csrf || '' },
        body: JSON.stringify({ postId, decision, note }),
      });
      if (response.status === 409) showError(`Post ${postId} was already decided (only an admin changes a decision).`);
      else if (!response.ok) showError(`Could not save the decision on ${postId}: HTTP ${response.status}.`);
    } catch (e) { showError(`Could not save the decision on ${postId}: ${e.message}.`); }
  }

  function select(card) {
    for (const c of list.querySelectorAll('.post.selected')) c.classList.remove('selected');
    card.classList.add('selected');
    card.scrollIntoView({ block: 'nearest' });
  }

  function move(step) {
    const cards = [...list.children];
    const at = cards.findIndex((c) => c.classList.contains('selected'));
    const next = cards[Math.min(Math.max(at + step, 0), cards.length - 1)];
    if (next) select(next);
  }

  document.addEventListener('keydown', (e) => {
    if (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT') { if (e.key === 'Escape') e.target.blur(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const card = list.querySelector('.post.selected');
    const post = card && state.views.get(card);
    if (e.key === 'j' || e.key === 'ArrowDown') { move(1); e.preventDefault(); }
    else if (e.key === 'k' || e.key === 'ArrowUp') { move(-1); e.preventDefault(); }
    else if (post && (e.key === 'c' || e.key === 'd')) { decide(post.postId, e.key === 'c' ? 'confirm' : 'dismiss', card.querySelector('.note').value); }
    else if (card && e.key === 'n') { card.querySelector('.note').focus(); e.preventDefault(); }
  });

  function connect() {
    if (state.source) state.source.close();
    const source = new EventSource(`${base}/events?after=${encodeURIComponent(state.lastId)}`);
    state.source = source;
    source.onopen = () => setStatus('live', 'Live');
    source.onmessage = (event) => {
      let post;
      try { post = JSON.parse(event.data); } catch { return; }
      state.lastId = event.lastEventId || state.lastId;
      upsert(post, true);
      updateSummary();
      refreshCountsSoon();
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) { setStatus('down', 'Disconnected · retrying'); setTimeout(start, 5000); }
      else setStatus('reconnecting', 'Reconnecting…');
    };
  }

  async function start() {
    try {
      const session = await (await api('/api/session')).json();
      state.csrf = session.csrfToken;
      state.role = session.role;
      $('user').textContent = `${session.name} (${session.role})`;
      const q = await queue();
      state.lastId = String(q.latestEventId);
      renderCounts(q.counts);
      fillSelect($('filter-reason'), q.reasons);
      fillSelect($('filter-model'), q.models);
      list.replaceChildren();
      state.cards.clear();
      for (const post of q.posts) upsert(post, false);
      updateSummary();
      connect();
    } catch (e) {
      setStatus('down', 'Review API unreachable · retrying');
      setTimeout(start, 5000);
    }
  }

  for (const id of ['filter-status', 'filter-reason', 'filter-model']) $(id).addEventListener('change', start);
  $('logout').addEventListener('click', async () => {
    await api('/logout', { method: 'POST', headers: { 'X-CSRF-TOKEN': state.csrf || '' } });
    location.href = `${base}/login`;
  });
  start();
})();
