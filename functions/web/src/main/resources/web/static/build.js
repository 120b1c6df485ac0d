// Build: turns the form into a Recommendations API request, shows the API's validation messages next to
// the fields they name, and hands the playlist to the result page.
import { api } from './api.js';
import { clearErrors, readWholeNumber, showFieldError, showFormError } from './form-errors.js';
import { savePlaylist } from './playlist-store.js';

const MAX_SEEDS = 3;
const byId = (id) => document.getElementById(id);
const checked = (name) => document.querySelector(`input[name="${name}"]:checked`).value;

/** Which input shows an API error about a request field (the API names fields by their JSON path). */
function inputForField(field) {
  const target = checked('target');
  if (!field) {
    return null;
  }
  if (field.startsWith('target.stepsPerMinute')) return byId('target-cadence');
  if (field.startsWith('target.bpm')) return target === 'tempo' ? byId('target-tempo') : byId('target-heart-rate');
  if (field.startsWith('target')) return document.querySelector('input[name="target"]:checked');
  if (field.startsWith('plan.fromBpm')) return byId('ramp-from');
  if (field.startsWith('plan.toBpm')) return byId('ramp-to');
  if (field.startsWith('plan.blocks')) {
    const block = /^plan\.blocks\[(\d+)]/.exec(field);
    const part = block && Number(block[1]) % 2 === 1 ? 'recovery' : 'work';
    return byId(`${part}-${/minutes/.test(field) ? 'minutes' : 'bpm'}`);
  }
  if (field.startsWith('plan')) return document.querySelector('input[name="plan"]:checked');
  if (field.startsWith('minutes')) return byId('minutes');
  if (field.startsWith('seed')) return byId('seed-search');
  if (field.startsWith('options.fold')) return byId('fold');
  const limits = { warmupMinutes: 'warmup', cooldownMinutes: 'cooldown', 'exclude.explicit': 'no-explicit',
    releasedFrom: 'released-from', releasedTo: 'released-to', 'energy.min': 'energy-min', 'exclude.artists': 'exclude-artists' };
  const limit = Object.keys(limits).find((name) => field.startsWith(name));
  return limit ? byId(limits[limit]) : null;
}

function showOnly(attribute, value) {
  for (const panel of document.querySelectorAll(`[data-${attribute}]`)) {
    panel.hidden = panel.dataset[attribute] !== value;
  }
}

/** The tempo the chosen target stands for, to pre-fill ramps and intervals around it. */
function targetBpm(runner) {
  switch (checked('target')) {
    case 'cadence': return Number(byId('target-cadence').value) || 170;
    case 'tempo': return Number(byId('target-tempo').value) || 170;
    case 'current': return ((runner || {}).heartRate || {}).suggestedTargetTempo || 165;
    default: return Number(byId('target-heart-rate').value) || 160;
  }
}

function prefillFromTarget(runner) {
  const bpm = Math.round(targetBpm(runner));
  const clamp = (value) => Math.max(40, Math.min(240, value));
  const defaults = {
    'ramp-from': clamp(bpm - 10), 'ramp-to': clamp(bpm), 'work-bpm': clamp(bpm + 5), 'recovery-bpm': clamp(bpm - 15),
  };
  for (const [id, value] of Object.entries(defaults)) {
    const input = byId(id);
    if (!input.dataset.edited) {
      input.value = value;
    }
  }
}

/** Reads and checks the form; returns {request} or {errors: [[input, message]]}. */
function readForm() {
  const errors = [];
  const number = (id, what, min, max) => {
    const result = readWholeNumber(byId(id), what, min, max);
    if (result.error) errors.push([byId(id), result.error]);
    return result.value;
  };
  const request = {};
  switch (checked('target')) {
    case 'heartRate': request.target = { type: 'heartRate', bpm: number('target-heart-rate', 'your heart rate', 30, 230) }; break;
    case 'cadence': request.target = { type: 'cadence', stepsPerMinute: number('target-cadence', 'your cadence', 40, 240) }; break;
    case 'tempo': request.target = { type: 'tempo', bpm: number('target-tempo', 'the tempo', 40, 240) }; break;
    default: request.target = { type: 'current' };
  }
  const minutes = number('minutes', 'the duration', 5, 240);
  switch (checked('plan')) {
    case 'ramp':
      request.plan = { type: 'ramp', fromBpm: number('ramp-from', 'the start tempo', 40, 240), toBpm: number('ramp-to', 'the finish tempo', 40, 240) };
      break;
    case 'intervals': {
      const work = { minutes: number('work-minutes', 'the work block', 1, 60), bpm: number('work-bpm', 'the work tempo', 40, 240) };
      const recovery = { minutes: number('recovery-minutes', 'the recovery block', 1, 60), bpm: number('recovery-bpm', 'the recovery tempo', 40, 240) };
      // The recommender repeats the blocks in order until the run ends.
      const blocks = [work, recovery];
      request.plan = { type: 'intervals', blocks };
      break;
    }
    default:
      request.plan = { type: 'steady' };
  }
  request.minutes = minutes;
  request.seedTrackIds = selectedSeeds.map((seed) => seed.id);
  request.options = { fold: byId('fold').checked };
  if (byId('source-group') && !byId('source-group').hidden) {
    request.source = checked('source');
  }
  readLimits(request, (id, what, min, max) => (byId(id) && byId(id).value.trim() !== '' ? number(id, what, min, max) : undefined));
  return errors.length ? { errors } : { request };
}

/** The runner's optional limits: only what was filled in goes into the request. */
function readLimits(request, optional) {
  const set = (name, value) => { if (value !== undefined) request[name] = value; };
  set('warmupMinutes', optional('warmup', 'the warm-up', 0, 30));
  set('cooldownMinutes', optional('cooldown', 'the cool-down', 0, 30));
  set('releasedFrom', optional('released-from', 'the first year', 1900, 2100));
  set('releasedTo', optional('released-to', 'the last year', 1900, 2100));
  const energy = optional('energy-min', 'the lowest energy', 0, 100);
  if (energy !== undefined) request.energy = { min: energy / 100 };
  const artists = byId('exclude-artists') ? byId('exclude-artists').value.split(',').map((a) => a.trim()).filter(Boolean) : [];
  const explicit = byId('no-explicit') ? byId('no-explicit').checked : false;
  if (explicit || artists.length) {
    request.exclude = {};
    if (explicit) request.exclude.explicit = true;
    if (artists.length) request.exclude.artists = artists;
  }
}

const selectedSeeds = [];

/**
 * Offers the source choice (library / catalog / mix) when the signed-in runner has an imported library with a track
 * of known tempo, which is when the API defaults to mix; without one the request leaves source out (the catalog).
 */
async function offerLibrary() {
  const group = byId('source-group');
  if (!group) return;
  let library;
  try {
    library = await api.get('/api/library');
  } catch (error) {
    return; // no library to offer: the catalog, as the API's default
  }
  const withTempo = (library && library.importedAt && library.withTempo) || 0;
  group.hidden = withTempo === 0;
  if (withTempo > 0) {
    byId('source-hint').textContent = `${withTempo.toLocaleString('en')} of your tracks have a known tempo. With your library `
      + 'first, catalog tracks in its style fill in where yours run short.';
  }
}

function renderSeeds() {
  const list = byId('seed-list');
  list.replaceChildren();
  byId('seed-list-title').hidden = selectedSeeds.length === 0;
  selectedSeeds.forEach((seed, index) => {
    const item = document.createElement('li');
    item.textContent = `${seed.name} — ${seed.artist} `;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'link-button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${seed.name} by ${seed.artist}`);
    remove.addEventListener('click', () => {
      selectedSeeds.splice(index, 1);
      renderSeeds();
      byId('seed-search').focus();
    });
    item.appendChild(remove);
    list.appendChild(item);
  });
}

function tracksOf(response) {
  if (Array.isArray(response)) return response;
  return (response && (response.tracks || response.results)) || [];
}

function setUpSeedSearch() {
  const input = byId('seed-search');
  const status = byId('seed-search-status');
  const results = byId('seed-results');
  let timer = null;
  let latest = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const query = input.value.trim();
      const ticket = ++latest;
      results.replaceChildren();
      if (query.length < 2) {
        status.textContent = '';
        return;
      }
      try {
        const found = tracksOf(await api.get('/api/tracks/search?q=' + encodeURIComponent(query)));
        if (ticket !== latest) return;
        status.textContent = found.length === 0 ? 'No tracks match.' : `${found.length} track${found.length === 1 ? '' : 's'} found.`;
        for (const track of found.slice(0, 10)) {
          const item = document.createElement('li');
          const add = document.createElement('button');
          add.type = 'button';
          add.className = 'seed-option';
          const tempo = track.tempo ? ` · ${Math.round(track.tempo)} BPM` : '';
          const key = track.camelot ? ` · ${track.camelot}` : '';
          add.textContent = `${track.name} — ${track.artist}${tempo}${key}`;
          add.setAttribute('aria-label', `Start with ${track.name} by ${track.artist}`);
          add.addEventListener('click', () => {
            if (selectedSeeds.length >= MAX_SEEDS) {
              status.textContent = `You can start from at most ${MAX_SEEDS} tracks.`;
              return;
            }
            if (!selectedSeeds.some((seed) => seed.id === track.id)) {
              selectedSeeds.push({ id: track.id, name: track.name, artist: track.artist });
              renderSeeds();
            }
            results.replaceChildren();
            input.value = '';
            status.textContent = `${track.name} added.`;
            input.focus();
          });
          item.appendChild(add);
          results.appendChild(item);
        }
      } catch (error) {
        if (ticket === latest) status.textContent = 'Search is not available: ' + error.message;
      }
    }, 250);
  });
}

export async function startBuild(runnerPromise) {
  const form = byId('build-form');
  const params = new URLSearchParams(window.location.search);
  for (const [param, target, id] of [['heartRate', 'heartRate', 'target-heart-rate'], ['cadence', 'cadence', 'target-cadence'], ['tempo', 'tempo', 'target-tempo']]) {
    if (params.has(param)) {
      byId(id).value = params.get(param);
      document.querySelector(`input[name="target"][value="${target}"]`).checked = true;
    }
  }
  if (params.has('plan') && document.querySelector(`input[name="plan"][value="${params.get('plan')}"]`)) {
    document.querySelector(`input[name="plan"][value="${params.get('plan')}"]`).checked = true;
  }
  if (params.has('minutes')) {
    byId('minutes').value = params.get('minutes');
  }
  let runner = null;
  const refresh = () => {
    showOnly('target', checked('target'));
    showOnly('plan', checked('plan'));
    prefillFromTarget(runner);
  };
  for (const radio of form.querySelectorAll('input[type="radio"]')) {
    radio.addEventListener('change', refresh);
  }
  for (const id of ['target-heart-rate', 'target-cadence', 'target-tempo']) {
    byId(id).addEventListener('input', () => prefillFromTarget(runner));
  }
  for (const id of ['ramp-from', 'ramp-to', 'work-bpm', 'recovery-bpm']) {
    byId(id).addEventListener('input', () => { byId(id).dataset.edited = 'true'; });
  }
  refresh();
  setUpSeedSearch();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const { request, errors } = readForm();
    if (errors) {
      errors.slice().reverse().forEach(([input, message]) => showFieldError(input, message));
      return;
    }
    const submit = byId('build-submit');
    const status = byId('build-status');
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    status.textContent = 'Building your playlist…';
    try {
      const response = await api.post('/api/recommendations', request);
      savePlaylist(request, response);
      status.textContent = 'Done.';
      window.location.assign('/result');
    } catch (error) {
      status.textContent = '';
      const input = inputForField(error.field);
      if (input && input.type !== 'radio') {
        showFieldError(input, error.message);
      } else {
        showFormError(form, error.message);
      }
    } finally {
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });

  runner = await runnerPromise;
  if (runner) {
    await offerLibrary();
  }
  const suggested = ((runner || {}).heartRate || {}).suggestedTargetTempo;
  if (suggested) {
    byId('target-current-choice').hidden = false;
    byId('target-current-text').textContent = `Uses ${Math.round(suggested)} BPM, suggested from your latest heart rate (${runner.heartRate.current} bpm).`;
    if (params.get('target') === 'current') {
      document.querySelector('input[name="target"][value="current"]').checked = true;
    }
    refresh();
  }
}
