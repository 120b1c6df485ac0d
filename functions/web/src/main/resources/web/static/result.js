// Result: the playlist as a chart (effective tempo of each track against the plan's target, with the
// heart-rate trace when there is one) and a table, and the publish form.
import { api } from './api.js';
import { drawChart } from './svg-chart.js';
import { clearErrors, showFieldError, showFormError } from './form-errors.js';
import { loadPlaylist, rememberPublication, replacePlaylist } from './playlist-store.js';

const byId = (id) => document.getElementById(id);
const NOTES = ['C', 'C♯', 'D', 'E♭', 'E', 'F', 'F♯', 'G', 'A♭', 'A', 'B♭', 'B'];
const TARGET_NAMES = { tempo: 'a tempo of', heartRate: 'heart rate', cadence: 'cadence', current: 'the tempo suggested by your latest heart rate,' };

export function keyName(key, mode) {
  if (key === undefined || key === null || key < 0 || key > 11) return '';
  return `${NOTES[key]} ${mode === 1 ? 'major' : 'minor'}`;
}

export function clock(ms) {
  const seconds = Math.round(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

const fixed = (value, digits = 1) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–');

function planLabel(request, response) {
  const plan = response.plan || request.plan || {};
  if (plan.type === 'ramp') {
    const from = plan.fromBpm ?? request.plan.fromBpm;
    const to = plan.toBpm ?? request.plan.toBpm;
    return `ramp ${from} → ${to} BPM`;
  }
  if (plan.type === 'intervals') {
    const blocks = (request.plan || {}).blocks || [];
    return blocks.length >= 2 ? `intervals ${blocks[0].minutes}′ at ${blocks[0].bpm} / ${blocks[1].minutes}′ at ${blocks[1].bpm} BPM` : 'intervals';
  }
  const bpm = (response.target || {}).bpm;
  return bpm ? `steady ${Math.round(bpm)} BPM` : 'steady';
}

function describe(saved) {
  const { request, response } = saved;
  const summary = response.summary || {};
  const minutes = summary.requestedMinutes || request.minutes;
  const target = response.target || {};
  const source = TARGET_NAMES[target.source] || 'a target of';
  const clamped = target.clamped && target.requested ? ` (you asked for ${Math.round(target.requested)}; kept within the range runners use)` : '';
  byId('playlist-lead').textContent = `${minutes} minutes, ${planLabel(request, response)}`
    + (target.bpm ? ` — target from ${source} ${Math.round(target.bpm)}${clamped}.` : '.');
  const items = [
    ['Tracks', String(summary.trackCount ?? response.tracks.length)],
    ['Duration', clock(summary.totalDurationMs ?? response.tracks.reduce((sum, t) => sum + (t.durationMs || 0), 0))],
    ['Mean tempo error', `±${fixed(summary.meanTempoError)} BPM`],
    ['Largest tempo error', `±${fixed(summary.maxTempoError)} BPM`],
    ['Harmonic transitions', typeof summary.harmonicShare === 'number' ? `${Math.round(summary.harmonicShare * 100)}%` : '–'],
    ['Mean tempo change', `${fixed(summary.meanTempoJump)} BPM`],
  ];
  if ((summary.source === 'library' || summary.source === 'mix') && typeof summary.fromLibrary === 'number') {
    items.push(['From your library', `${summary.fromLibrary} of ${summary.trackCount ?? response.tracks.length}`]);
  }
  byId('summary').replaceChildren(...items.map(([term, value]) => {
    const group = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    group.append(dt, dd);
    return group;
  }));
  byId('flow-note').textContent = flowNote(summary);
}

/** What scored the flow between tracks (the answer's summary.flowReference). */
function flowNote(summary) {
  const version = summary.modelVersion ? ` (version ${summary.modelVersion})` : '';
  if (summary.flowReference === 'ranking-model') {
    return `Flow is scored by the ranking model${version}: learned from public playlists, it scores how well each next track follows the tracks so far.`;
  }
  return summary.modelUsed
    ? `Flow is scored by the sequence model${version}: it predicts what the next track should feel like from the tracks so far.`
    : 'No trained flow model is promoted yet, so flow is scored by closeness to the previous track.';
}

function renderTable(tracks, onChange) {
  const body = document.querySelector('#tracks-table tbody');
  // in a mix, the runner's own tracks are marked; a playlist all from one origin needs no mark
  const mixed = tracks.some((t) => t.fromLibrary === true) && tracks.some((t) => t.fromLibrary !== true);
  body.replaceChildren(...tracks.map((track, index) => {
    const row = document.createElement('tr');
    const scores = track.scores || {};
    const cells = [
      [String((track.position ?? index) + 1), 'num'],
      [clock(track.startMs || 0), 'num'],
      [track.name, 'title'],
      [track.artist, ''],
      [fixed(track.tempo), 'num'],
      [fixed(track.effectiveTempo), 'num'],
      [fixed(track.targetTempo), 'num'],
      [`${track.camelot || ''} ${keyName(track.key, track.mode) ? '· ' + keyName(track.key, track.mode) : ''}`.trim(), 'key'],
      [fixed(scores.flow, 2), 'num'],
      [fixed(scores.key, 2), 'num'],
      [fixed(scores.tempo, 2), 'num'],
      [fixed(scores.jump, 2), 'num'],
      [fixed(scores.total, 2), 'num'],
      [`${fixed(track.energy, 2)}${track.effort ? ' · ' + track.effort : ''}`, 'num energy'],
    ];
    cells.forEach(([text, className], column) => {
      const cell = document.createElement(column === 2 ? 'th' : 'td');
      if (column === 2) cell.scope = 'row';
      cell.textContent = text;
      if (className) cell.className = className;
      row.appendChild(cell);
    });
    if (track.seed) {
      row.cells[2].append(' ', Object.assign(document.createElement('span'), { className: 'badge seed', textContent: 'your pick' }));
    }
    if (mixed && track.fromLibrary === true) {
      row.cells[2].append(' ', Object.assign(document.createElement('span'), { className: 'badge seed', textContent: 'your library' }));
    }
    if (typeof track.energy === 'number' && track.energy < 0.5 && ['steady', 'ramp', 'work'].includes(track.effort)) {
      row.cells[13].classList.add('low-energy');
    }
    if (onChange) {
      const cell = document.createElement('td');
      const swap = Object.assign(document.createElement('button'), { type: 'button', className: 'link-button', textContent: 'Swap' });
      swap.setAttribute('aria-label', `Swap track ${index + 1}, ${track.name}`);
      swap.addEventListener('click', () => onChange('swap', index));
      const ban = Object.assign(document.createElement('button'), { type: 'button', className: 'link-button', textContent: 'Never play' });
      ban.setAttribute('aria-label', `Never play ${track.name} again`);
      ban.addEventListener('click', () => onChange('ban', index));
      cell.append(swap, ' ', ban);
      row.appendChild(cell);
    }
    if (index > 0 && track.harmonic === false) {
      row.classList.add('clash');
      row.cells[7].append(' ', Object.assign(document.createElement('span'), { className: 'badge', textContent: 'key change' }));
    }
    return row;
  }));
}

async function heartRateTrace(saved, minutes) {
  const source = (saved.response.target || {}).source;
  if (source !== 'heartRate' && source !== 'current') return null;
  try {
    const data = await api.get('/api/heart-rate?minutes=' + Math.max(15, Math.ceil(minutes)));
    const samples = ((data && data.samples) || [])
      .map((sample) => [Date.parse(sample.timestamp), Number(sample.bpm)])
      .filter(([at, bpm]) => Number.isFinite(at) && Number.isFinite(bpm))
      .sort((a, b) => a[0] - b[0]);
    if (samples.length < 2) return null;
    // Half-minute averages: the trend matters here, not every beat-to-beat wobble.
    const first = samples[0][0];
    const buckets = new Map();
    for (const [at, bpm] of samples) {
      const bucket = Math.floor((at - first) / 30000);
      const sum = buckets.get(bucket) || [0, 0];
      buckets.set(bucket, [sum[0] + bpm, sum[1] + 1]);
    }
    return [...buckets.entries()].map(([bucket, [sum, count]]) => [(bucket + 0.5) / 2, sum / count]);
  } catch (unavailable) {
    return null;
  }
}

async function renderChart(saved) {
  const { response } = saved;
  const tracks = response.tracks;
  const totalMs = tracks.reduce((end, t) => Math.max(end, (t.startMs || 0) + (t.durationMs || 0)), 0);
  const minutes = Math.max(totalMs / 60000, (response.summary || {}).requestedMinutes || 0);
  const curve = ((response.plan || {}).curve || []).map((point) => [point.minute, point.bpm]);
  const segments = tracks.map((track) => ({
    x0: (track.startMs || 0) / 60000,
    x1: ((track.startMs || 0) + (track.durationMs || 0)) / 60000,
    y: track.effectiveTempo,
    title: `${track.name} — ${track.artist}: ${fixed(track.effectiveTempo)} BPM (target ${fixed(track.targetTempo)})`,
  }));
  const series = [];
  const trace = await heartRateTrace(saved, minutes);
  if (trace) {
    series.push({ type: 'line', className: 'heart-rate', key: 'heart-rate', label: 'Heart rate (latest recorded samples)', points: trace.filter(([x]) => x <= minutes) });
  }
  if (curve.length > 0) {
    series.push({ type: 'line', className: 'target', key: 'target', label: 'Plan target', points: curve });
  } else {
    series.push({ type: 'segments', className: 'target', key: 'target', label: 'Slot target', segments: tracks.map((t, i) => ({ ...segments[i], y: t.targetTempo, title: null })) });
  }
  series.push({ type: 'segments', className: 'tracks', key: 'tracks', label: 'Tracks (effective BPM)', segments });
  // The tempo curve is what matters here (±2 BPM): the heart-rate trace may widen the axis a little, not
  // squash the tempo into a thin line, so beyond that it is clipped at the plot's edge.
  const tempos = series.filter((s) => s.key !== 'heart-rate')
    .flatMap((s) => (s.type === 'line' ? s.points.map((p) => p[1]) : s.segments.map((g) => g.y))).filter(Number.isFinite);
  const heart = trace ? trace.map((p) => p[1]).filter(Number.isFinite) : [];
  const low = Math.floor((Math.max(Math.min(...tempos) - 25, Math.min(Math.min(...tempos) - 6, ...heart))) / 5) * 5;
  const high = Math.ceil((Math.min(Math.max(...tempos) + 25, Math.max(Math.max(...tempos) + 6, ...heart))) / 5) * 5;
  const errors = tracks.map((t) => Math.abs(t.effectiveTempo - t.targetTempo));
  drawChart(byId('tempo-chart'), {
    title: 'Effective tempo of each track against the plan',
    description: `${tracks.length} tracks over ${Math.round(minutes)} minutes; effective tempo from ${fixed(Math.min(...tracks.map((t) => t.effectiveTempo)))} to ${fixed(Math.max(...tracks.map((t) => t.effectiveTempo)))} BPM; the largest distance from the target is ${fixed(Math.max(...errors))} BPM.`,
    x: { min: 0, max: minutes, label: 'Minutes into the run', format: (m) => `${m}′` },
    y: { min: low, max: high, label: 'BPM' },
    series,
  });
}

function showPublication(publication, name) {
  const box = byId('publish-result');
  box.replaceChildren();
  const heading = document.createElement('p');
  heading.className = 'publish-heading';
  if (publication.dryRun) {
    const label = document.createElement('strong');
    label.className = 'dry-run-label';
    label.textContent = 'Dry run';
    heading.append(label, ` — nothing was sent to Spotify. “${name}” with ${publication.trackCount} tracks, in order, was written to:`);
    const where = document.createElement('code');
    where.className = 'location';
    where.textContent = publication.location || publication.url || '(no location given)';
    box.append(heading, where);
  } else {
    heading.textContent = `Published “${name}” with ${publication.trackCount} tracks to your Spotify account.`;
    const link = document.createElement('a');
    link.href = publication.url;
    link.className = 'button';
    link.rel = 'noopener';
    link.target = '_blank';
    link.textContent = 'Open in Spotify';
    box.append(heading, link);
  }
  box.hidden = false;
  box.dataset.published = 'true';
  box.focus();
}

function setUpPublish(saved, runnerPromise) {
  const form = byId('publish-form');
  const nameInput = byId('playlist-name');
  const { request, response } = saved;
  nameInput.value = saved.publication?.name || `Run to the Beats · ${(response.summary || {}).requestedMinutes || request.minutes} min ${planLabel(request, response)}`;
  runnerPromise.then((runner) => {
    const spotify = ((runner || {}).links || {}).spotify || {};
    if ((runner && runner.demo) || spotify.dryRun) {
      byId('dry-run-note').hidden = false;
      byId('publish-submit').textContent = 'Publish (dry run)';
    }
  });
  if (saved.publication) {
    showPublication(saved.publication, saved.publication.name);
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const name = nameInput.value.trim();
    if (!name) {
      showFieldError(nameInput, 'Give the playlist a name.');
      return;
    }
    const submit = byId('publish-submit');
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const publication = await api.post('/api/playlists', {
        name,
        description: `Built by Run to the Beats: ${byId('playlist-lead').textContent}`,
        public: byId('playlist-public').checked,
        trackIds: loadPlaylist().response.tracks.map((track) => track.id),
      }, { 'Idempotency-Key': loadPlaylist().idempotencyKey });
      rememberPublication({ ...publication, name });
      showPublication(publication, name);
    } catch (error) {
      if (error.field === 'name') {
        showFieldError(nameInput, error.message);
      } else if (error.status === 401) {
        showFormError(form, 'Sign in with Spotify first (on the home page), then publish again.');
      } else {
        showFormError(form, error.message);
      }
    } finally {
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
}

// The request the alternatives are asked for: the one the playlist was built from, with a "current"
// target pinned to the tempo it resolved to (the runner's heart rate may have moved since).
export function alternativesRequest(saved, position) {
  const request = { ...saved.request };
  if (request.target && request.target.type === 'current' && saved.response.target) {
    request.target = { type: 'tempo', bpm: saved.response.target.bpm };
  }
  return { request, trackIds: saved.response.tracks.map((t) => t.id), position, limit: 5 };
}

async function showAlternatives(position, note, refresh) {
  const saved = loadPlaylist();
  const box = byId('alternatives');
  const list = byId('alternatives-list');
  box.hidden = false;
  byId('alternatives-slot').textContent = `${position + 1}, ${saved.response.tracks[position].name}`;
  byId('alternatives-note').textContent = note || 'Looking for tracks that fit this slot…';
  list.replaceChildren();
  try {
    const answer = await api.post('/api/recommendations/alternatives', alternativesRequest(saved, position));
    const options = answer.alternatives || [];
    byId('alternatives-note').textContent = `${note ? note + ' ' : ''}${options.length
      ? 'Each keeps the tempo, the keys around it and the artist spacing; best first.'
      : 'No other track fits this slot with its neighbours.'}`;
    list.replaceChildren(...options.map((option) => {
      const t = option.track;
      const item = document.createElement('li');
      const use = Object.assign(document.createElement('button'), { type: 'button',
        textContent: `${t.name} — ${t.artist} (${fixed(t.effectiveTempo)} BPM, energy ${fixed(t.energy, 2)})` });
      use.addEventListener('click', () => {
        replacePlaylist(option.playlist);
        box.hidden = true;
        refresh();
      });
      item.appendChild(use);
      return item;
    }));
  } catch (error) {
    byId('alternatives-note').textContent = error.message;
  }
}

export async function startResult(runnerPromise) {
  const saved = loadPlaylist();
  if (!saved) {
    byId('no-playlist').hidden = false;
    return;
  }
  byId('playlist').hidden = false;
  const refresh = async () => {
    const current = loadPlaylist();
    describe(current);
    renderTable(current.response.tracks, onChange);
    await renderChart(current);
  };
  const onChange = async (action, position) => {
    if (action === 'swap') {
      await showAlternatives(position, '', refresh);
      return;
    }
    const track = loadPlaylist().response.tracks[position];
    try {
      await api.post('/api/bans', { trackId: track.id });
      await showAlternatives(position, `"${track.name}" will not be played again (undo on the home page). Pick a track for its slot:`, refresh);
    } catch (error) {
      const box = byId('alternatives');
      box.hidden = false;
      byId('alternatives-note').textContent = error.status === 401
        ? 'Sign in (on the home page) to ban songs: bans are kept for your account.' : error.message;
    }
  };
  describe(saved);
  renderTable(saved.response.tracks, onChange);
  setUpPublish(saved, runnerPromise);
  await renderChart(saved);
}
