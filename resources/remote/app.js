// Letdown's phone remote. Every tap gets an id and its own time, waits in localStorage until
// the computer has saved it, and is sent in order; the same id sent twice is recorded once.
'use strict';
(function () {
  const KEY_STORE = 'letdown-key';
  const QUEUE_STORE = 'letdown-queue';
  const $ = (id) => document.getElementById(id);
  // The page's words in German, the same as the window's (resources/translations/letdown_de.ts);
  // the computer serves <html lang="de"> when the phone asks for German (Accept-Language).
  const GERMAN = {
    'Connecting…': 'Verbinde…', 'Connected': 'Verbunden', 'Not connected: trying again…': 'Nicht verbunden: neuer Versuch…',
    'Not paired': 'Nicht gekoppelt', 'Open Letdown on the computer, choose Edit › Phone remote… and scan the code with this phone.':
      'Öffnen Sie Letdown auf dem Computer, wählen Sie Bearbeiten › Fernbedienung per Handy… und scannen Sie den Code mit diesem Handy.',
    'No session running': 'Keine Sitzung läuft', 'Stopped': 'Beendet', 'Paused': 'Pausiert', 'Running': 'Läuft',
    'nursing': 'Stillen', 'pumping': 'Abpumpen', 'Nursing': 'Stillen', 'Pumping': 'Abpumpen',
    'Start': 'Start', 'Stop': 'Stopp', 'Pause': 'Pause', 'Resume': 'Weiter', 'Switch side': 'Seite wechseln',
    'Let-down': 'Milchspendereflex', 'Let-down (no feed)': 'Milchspendereflex (ohne Mahlzeit)',
    'Stopped by mistake? Resume it': 'Versehentlich beendet? Fortsetzen',
    '1 let-down': '1 Milchspendereflex', '{n} let-downs': '{n} Milchspendereflexe', ' in the last session': ' in der letzten Sitzung',
    '1 tap not sent yet': '1 Tipp noch nicht gesendet', '{n} taps not sent yet': '{n} Tipps noch nicht gesendet',
    'Side: ': 'Seite: ', 'Next side: ': 'Nächste Seite: ', 'left': 'links', 'right': 'rechts', 'both sides': 'beide Seiten',
    'the left': 'links', 'the right': 'rechts',
    'The last feed could not be read on the computer.': 'Die letzte Mahlzeit konnte auf dem Computer nicht gelesen werden.',
    'This session started {t} ago': 'Diese Sitzung begann vor {t}', 'This feed started {t} ago': 'Diese Mahlzeit begann vor {t}',
    'Last session started {t} ago, ended on {s}': 'Letzte Sitzung begann vor {t}, endete {s}',
    'Last feed started {t} ago, ended on {s}': 'Letzte Mahlzeit begann vor {t}, endete {s}',
    'No session is running. Tap Let-down again to mark one without a feed.':
      'Keine Sitzung läuft. Tippen Sie nochmals auf Milchspendereflex, um einen ohne Mahlzeit zu notieren.',
    'Not done.': 'Nicht erledigt.',
  };
  const german = document.documentElement.lang === 'de';
  // The text in the page's language, with {n}, {t} and {s} filled in.
  const tr = (text, values) => {
    let out = (german && GERMAN[text]) || text;
    for (const [name, value] of Object.entries(values || {})) out = out.replace('{' + name + '}', value);
    return out;
  };
  let key = localStorage.getItem(KEY_STORE) || '';
  let state = null;
  let stateReceivedAt = 0;
  let online = false;
  let sending = false;
  let chosenKind = null; // the kind she picked for the next session, until it starts

  // The key arrives in the address's fragment (#secret=...), which the browser never sends to a
  // server; keep it, then take it out of the address bar and the history.
  const match = /(?:^#|&)secret=([0-9a-f]{32,128})/.exec(location.hash);
  if (match) {
    key = match[1];
    localStorage.setItem(KEY_STORE, key);
    history.replaceState(null, '', location.pathname);
  }

  function newId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes); // works on a plain-http page, unlike randomUUID
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  function queue() {
    try { return JSON.parse(localStorage.getItem(QUEUE_STORE) || '[]'); } catch (e) { return []; }
  }
  function saveQueue(q) { localStorage.setItem(QUEUE_STORE, JSON.stringify(q)); }

  function api(path, options) {
    const headers = Object.assign({ Authorization: 'Bearer ' + key }, (options && options.headers) || {});
    return fetch(path, Object.assign({ cache: 'no-store' }, options, { headers }));
  }

  // The phone's clock corrected to the computer's: measured on every answer.
  let clockOffsetMs = 0;

  function tap(action, extra) {
    const q = queue();
    q.push(Object.assign({ tap_id: newId(), action: action, tapped_phone_ms: Date.now() }, extra || {}));
    saveQueue(q);
    if (navigator.vibrate) navigator.vibrate(action === 'letdown' ? 40 : 20);
    render();
    sendQueue();
  }

  async function sendQueue() {
    if (sending) return;
    sending = true;
    try {
      for (;;) {
        const q = queue();
        if (!q.length) break;
        const item = q[0];
        const spontaneous = item.action === 'spontaneous';
        const body = { tap_id: item.tap_id, tapped_at: new Date(item.tapped_phone_ms + clockOffsetMs).toISOString() };
        if (!spontaneous) body.action = item.action;
        if (item.kind) body.kind = item.kind;
        if (item.side) body.side = item.side;
        let response;
        const sentAt = Date.now();
        try {
          response = await api(spontaneous ? '/api/v1/letdown/spontaneous' : '/api/v1/session', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          });
        } catch (e) {
          setOnline(false);
          setTimeout(sendQueue, 2000);
          break;
        }
        setOnline(true);
        if (response.status === 401) { showUnpaired(); break; }
        // Kept on the computer (503), a server or proxy trouble, a slow request, or "wait":
        // the tap stays first in the queue and goes again. Only an answer about the tap
        // itself (recorded, unchanged, refused, too old, malformed) takes it out.
        if (response.status >= 500 || response.status === 408 || response.status === 429) {
          setTimeout(sendQueue, response.status === 429 ? 60000 : 2000);
          break;
        }
        let answer = {};
        try { answer = await response.json(); } catch (e) { answer = {}; }
        saveQueue(queue().filter((t) => t.tap_id !== item.tap_id));
        $('note').textContent = answer.ok ? '' : (answer.message || tr('Not done.'));
        if (answer.result === 'no_session') offerSpontaneous();
        if (answer.status) setState(answer.status, (sentAt + Date.now()) / 2);
      }
    } finally {
      sending = false;
      render();
    }
  }

  function offerSpontaneous() {
    $('note').textContent = tr('No session is running. Tap Let-down again to mark one without a feed.');
  }

  async function poll() {
    for (;;) {
      const started = Date.now();
      try {
        const after = state ? '?after=' + state.version : '';
        const response = await api('/api/v1/status' + after);
        if (response.status === 401) { showUnpaired(); return; }
        if (response.ok) { setOnline(true); setState(await response.json(), Date.now()); }
        else setOnline(false);
      } catch (e) {
        setOnline(false);
      }
      // Never more than one request a second, even when answers come at once.
      const waited = Date.now() - started;
      const pause = online ? Math.max(0, 1000 - waited) : 3000;
      if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
      if (!online) sendQueue();
    }
  }

  function setOnline(value) {
    online = value;
    render();
  }
  // `measuredAt`: the phone's time when the computer wrote server_now_ms (an answer's
  // arrival; for an answer that came at once, halfway between asking and arriving).
  function setState(next, measuredAt) {
    state = next;
    stateReceivedAt = Date.now();
    clockOffsetMs = next.server_now_ms - measuredAt;
    render();
  }
  function showUnpaired() {
    $('remote').hidden = true;
    $('unpaired').hidden = false;
    $('status').textContent = tr('Not paired');
  }

  function minutesText(ms) {
    const minutes = Math.max(0, Math.floor(ms / 60000));
    const h = Math.floor(minutes / 60);
    return h ? h + ' h ' + (minutes % 60) + ' min' : minutes + ' min';
  }
  function clock(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(r).padStart(2, '0');
  }
  const sideName = (side) => tr({ left: 'left', right: 'right', both: 'both sides' }[side]);

  function live() { return state && (state.state === 'running' || state.state === 'paused'); }

  function render() {
    if (!key) { showUnpaired(); return; }
    $('unpaired').hidden = true;
    $('remote').hidden = false;
    const pending = queue().length;
    $('status').textContent = tr(online ? 'Connected' : 'Not connected: trying again…');
    $('status').className = 'status' + (online ? '' : ' offline');
    $('queue').hidden = pending === 0;
    $('queue').textContent = pending === 1 ? tr('1 tap not sent yet') : tr('{n} taps not sent yet', { n: pending });
    if (!state) return;
    const session = state.session;
    const isLive = live();
    let activeMs = session ? session.elapsed_ms : 0;
    if (state.state === 'running') activeMs += Date.now() - stateReceivedAt;
    $('timer').textContent = clock(isLive || state.state === 'stopped' ? activeMs : 0);
    $('state').textContent = !isLive ? tr(state.state === 'stopped' ? 'Stopped' : 'No session running')
      : tr(state.state === 'paused' ? 'Paused' : 'Running') + ' · ' + tr(session.kind === 'pumping' ? 'pumping' : 'nursing');
    const startStop = $('startStop');
    startStop.textContent = tr(isLive ? 'Stop' : 'Start');
    startStop.classList.toggle('stop', isLive);
    $('kinds').hidden = isLive;
    for (const b of document.querySelectorAll('#kinds button'))
      b.setAttribute('aria-checked', String(b.dataset.kind === (chosenKind || state.next.kind)));
    $('pause').disabled = !isLive;
    $('pause').textContent = tr(state.state === 'paused' ? 'Resume' : 'Pause');
    $('letdown').textContent = tr(isLive ? 'Let-down' : 'Let-down (no feed)');
    // After a Stop the session's count stays, so she sees what was logged.
    const count = session && (isLive || state.state === 'stopped') ? session.letdowns : null;
    $('count').textContent = count === null ? ''
      : (count === 1 ? tr('1 let-down') : tr('{n} let-downs', { n: count })) + (isLive ? '' : tr(' in the last session'));
    const serverNowMs = state.server_now_ms + (Date.now() - stateReceivedAt);
    $('resumeStopped').hidden = !(state.state === 'stopped' && state.resume_until_ms > serverNowMs);
    const side = isLive ? session.side : state.next.side;
    $('sideText').textContent = tr(isLive ? 'Side: ' : 'Next side: ') + sideName(side);
    const last = state.last_feed;
    const sinceMs = last ? state.server_now_ms + (Date.now() - stateReceivedAt) - last.started_at_ms : 0;
    const what = last && last.kind === 'pumping' ? 'session' : 'feed';
    $('lastFeed').textContent = state.last_feed_error ? tr('The last feed could not be read on the computer.')
      : !last ? ''
      : last.running ? tr('This ' + what + ' started {t} ago', { t: minutesText(sinceMs) })
      : tr('Last ' + what + ' started {t} ago, ended on {s}',
        { t: minutesText(sinceMs), s: last.side === 'both' ? tr('both sides') : tr('the ' + last.side) });
  }

  document.addEventListener('DOMContentLoaded', function () {
    // The words written in the page itself.
    for (const el of document.querySelectorAll('#status, #unpaired h1, #unpaired p, #state, #kinds button, #startStop, #resumeStopped, #pause, #side, #letdown'))
      if (el.children.length === 0) el.textContent = tr(el.textContent);
    const hint = document.querySelector('#unpaired p');
    if (german && hint.children.length) hint.textContent = tr(hint.textContent.replace(/\s+/g, ' ').trim());
    $('startStop').addEventListener('click', () => {
      if (live()) tap('stop');
      else { tap('start', { kind: chosenKind || (state ? state.next.kind : 'nursing') }); chosenKind = null; }
    });
    $('letdown').addEventListener('click', () => tap(live() ? 'letdown' : 'spontaneous'));
    $('resumeStopped').addEventListener('click', () => tap('resume_stopped'));
    $('pause').addEventListener('click', () => tap(state && state.state === 'paused' ? 'resume' : 'pause'));
    $('side').addEventListener('click', () => {
      const current = live() ? state.session.side : (state ? state.next.side : 'left');
      tap('switch_side', { side: current === 'left' ? 'right' : 'left' });
    });
    for (const b of document.querySelectorAll('#kinds button'))
      b.addEventListener('click', () => { chosenKind = b.dataset.kind; render(); });
    setInterval(render, 1000);
    render();
    if (key) { poll(); sendQueue(); }
  });
})();
