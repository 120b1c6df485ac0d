import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser, installFetch } from './dom-stand-in.mjs';
import { importPage } from './page-modules.mjs';

const { startBuild } = await importPage('build.js');

let browser;
let document;
const byId = (id) => document.getElementById(id);
const INPUTS = ['target-heart-rate', 'target-cadence', 'target-tempo', 'minutes', 'ramp-from', 'ramp-to',
  'work-minutes', 'work-bpm', 'recovery-minutes', 'recovery-bpm', 'seed-search',
  'warmup', 'cooldown', 'released-from', 'released-to', 'energy-min', 'exclude-artists'];

// The parts of pages/build.html the script touches (panels shown per choice are left out).
function buildPage(search = '') {
  browser = installBrowser({ pathname: '/build', search });
  document = browser.document;
  const h = document.h.bind(document);
  const radio = (name, value, checked) => h('input', { type: 'radio', name, value, id: `choice-${name}-${value}`, checked });
  const field = (id, value) => h('div', { class: 'field' }, h('input', { id, value }), h('p', { id: `${id}-error`, class: 'field-error', hidden: true }));
  document.body.append(h('form', { id: 'build-form' },
    radio('target', 'heartRate', true), radio('target', 'cadence'), radio('target', 'tempo'),
    h('div', { id: 'target-current-choice', hidden: true }, radio('target', 'current'), h('span', { id: 'target-current-text' })),
    radio('plan', 'steady', true), radio('plan', 'ramp'), radio('plan', 'intervals'),
    ...INPUTS.map((id) => field(id, { minutes: '30', 'work-minutes': '3', 'recovery-minutes': '2' }[id] || '')),
    h('input', { id: 'fold', type: 'checkbox', checked: true }),
    h('fieldset', { id: 'source-group', hidden: true }, radio('source', 'mix', true), radio('source', 'library'), radio('source', 'catalog'),
      h('p', { id: 'source-hint' })),
    h('input', { id: 'no-explicit', type: 'checkbox' }),
    h('p', { id: 'seed-search-status' }), h('ul', { id: 'seed-results' }),
    h('h3', { id: 'seed-list-title', hidden: true }), h('ul', { id: 'seed-list' }),
    h('p', { id: 'build-status' }),
    h('button', { id: 'build-submit', type: 'submit' })));
}

beforeEach(() => buildPage());

const choose = (name, value) => {
  for (const input of document.querySelectorAll(`input[name="${name}"]`)) input.checked = input.value === value;
};

/** Chooses the target and plan, types `values` (input id → text) and submits the form. */
function submitWith(target, plan, values) {
  choose('target', target);
  choose('plan', plan);
  for (const [id, value] of Object.entries(values)) byId(id).value = value;
  return byId('build-form').dispatch('submit');
}

test('the link from the home page fills in the heart rate and pre-fills the ramp around it', async () => {
  buildPage('?heartRate=150&plan=ramp&minutes=45');
  await startBuild(Promise.resolve(null));
  assert.equal(byId('target-heart-rate').value, '150');
  assert.equal(document.querySelector('input[name="target"]:checked').value, 'heartRate');
  assert.equal(document.querySelector('input[name="plan"]:checked').value, 'ramp');
  assert.equal(byId('minutes').value, '45');
  assert.deepEqual(['ramp-from', 'ramp-to', 'work-bpm', 'recovery-bpm'].map((id) => byId(id).value), ['140', '150', '155', '135']);
});

test('the suggested tempo from the latest heart rate is offered, and chosen when the dashboard links here', async () => {
  buildPage('?target=current');
  await startBuild(Promise.resolve({ heartRate: { current: 141, suggestedTargetTempo: 163.4 } }));
  assert.equal(byId('target-current-choice').hidden, false);
  assert.equal(byId('target-current-text').textContent, 'Uses 163 BPM, suggested from your latest heart rate (141 bpm).');
  assert.equal(document.querySelector('input[name="target"]:checked').value, 'current');
  assert.equal(byId('ramp-to').value, '163');
});

test('a filled-in form becomes the Recommendations API request, is saved for the result page and goes there', async () => {
  const response = { tracks: [{ id: 't1' }] };
  const calls = installFetch(() => ({ body: response }));
  await startBuild(Promise.resolve(null));
  await submitWith('tempo', 'intervals', { 'target-tempo': '172', 'work-bpm': '180', 'recovery-bpm': '160' });
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, '/api/recommendations');
  const request = {
    target: { type: 'tempo', bpm: 172 },
    plan: { type: 'intervals', blocks: [{ minutes: 3, bpm: 180 }, { minutes: 2, bpm: 160 }] },
    minutes: 30, seedTrackIds: [], options: { fold: true },
  };
  assert.deepEqual(JSON.parse(calls[0].body), request);
  const saved = JSON.parse(browser.sessionStorage.getItem('beats.lastPlaylist'));
  assert.deepEqual([saved.request, saved.response], [request, response]);
  assert.deepEqual(browser.navigations, [['assign', '/result']]);
});

test('every field the form finds wrong is marked, nothing is sent, and the first one has the focus', async () => {
  const calls = installFetch(() => ({ body: { tracks: [] } }));
  await startBuild(Promise.resolve(null));
  await submitWith('heartRate', 'ramp', { 'target-heart-rate': '', 'ramp-to': '300', minutes: 'long' });
  assert.equal(calls.length, 0);
  assert.equal(byId('target-heart-rate-error').textContent, 'Enter your heart rate.');
  assert.equal(byId('minutes-error').textContent, 'The duration must be a number, like 123.');
  assert.equal(byId('ramp-to-error').textContent, 'The finish tempo must be between 40 and 240.');
  assert.equal(document.activeElement, byId('target-heart-rate'));
});

test('an API error is shown next to the input for the field it names', async () => {
  await startBuild(Promise.resolve(null));
  for (const [target, plan, field, inputId] of [
    ['heartRate', 'steady', 'target.bpm', 'target-heart-rate'],
    ['tempo', 'steady', 'target.bpm', 'target-tempo'],
    ['cadence', 'steady', 'target.stepsPerMinute', 'target-cadence'],
    ['heartRate', 'ramp', 'plan.fromBpm', 'ramp-from'],
    ['heartRate', 'ramp', 'plan.toBpm', 'ramp-to'],
    ['heartRate', 'intervals', 'plan.blocks[0].bpm', 'work-bpm'],
    ['heartRate', 'intervals', 'plan.blocks[1].minutes', 'recovery-minutes'],
    ['heartRate', 'intervals', 'plan.blocks[3].bpm', 'recovery-bpm'],
    ['heartRate', 'steady', 'minutes', 'minutes'],
    ['heartRate', 'steady', 'seedTrackIds[0]', 'seed-search'],
  ]) {
    installFetch(() => ({ status: 400, body: { error: { code: 'invalid', message: `${field} is wrong`, field } } }));
    await submitWith(target, plan, { 'target-heart-rate': '160', 'target-cadence': '160', 'target-tempo': '160' });
    assert.equal(byId(`${inputId}-error`).textContent, `${field} is wrong`, `${field} with ${target}/${plan}`);
    assert.equal(byId(inputId).getAttribute('aria-invalid'), 'true');
    assert.equal(byId('build-form').querySelector('.error-summary'), null, `${field} is not a form-wide error`);
  }
  assert.deepEqual(browser.navigations, []);
});

test('an API error about a choice, no field or an unknown field is shown for the whole form', async () => {
  await startBuild(Promise.resolve(null));
  byId('target-heart-rate').value = '160';
  for (const field of ['target', 'plan', undefined, 'somethingNew']) {
    installFetch(() => ({ status: 422, body: { error: { message: `refused ${field}`, field } } }));
    await byId('build-form').dispatch('submit');
    assert.equal(byId('build-form').querySelector('.error-summary').textContent, `refused ${field}`);
    assert.equal(byId('target-heart-rate').hasAttribute('aria-invalid'), false);
  }
  assert.equal(byId('build-status').textContent, '');
  assert.equal(byId('build-submit').disabled, false);
});

test('the runner\'s limits go into the request only when filled in, and an API error about one is shown at its input', async () => {
  const calls = installFetch(() => ({ status: 400, body: { error: { code: 'invalid_input', message: 'releasedTo must not be before releasedFrom', field: 'releasedTo' } } }));
  await startBuild(Promise.resolve(null));
  byId('no-explicit').checked = true;
  await submitWith('tempo', 'steady', { 'target-tempo': '165', warmup: '5', cooldown: '5', 'released-from': '2010',
    'released-to': '2005', 'energy-min': '55', 'exclude-artists': ' Flume, ,Drake ' });
  assert.deepEqual(JSON.parse(calls[0].body), {
    target: { type: 'tempo', bpm: 165 }, plan: { type: 'steady' }, minutes: 30, seedTrackIds: [], options: { fold: true },
    warmupMinutes: 5, cooldownMinutes: 5, releasedFrom: 2010, releasedTo: 2005, energy: { min: 0.55 },
    exclude: { explicit: true, artists: ['Flume', 'Drake'] },
  });
  assert.equal(byId('released-to-error').hidden, false);
  assert.match(byId('released-to-error').textContent, /releasedTo must not be before/);
  await submitWith('tempo', 'steady', { warmup: '45' });
  assert.equal(calls.length, 1, 'a warm-up out of range is refused before anything is sent');
  assert.equal(byId('warmup-error').hidden, false);
});

const LIBRARY = { status: 'done', tracks: 1310, withTempo: 1234, importedAt: '2026-12-05T18:00:00Z' };

/** Answers GET /api/library with `library` (an object, or a status number for an error) and anything else with `other`. */
function libraryAndApi(library, other = { status: 200, body: { tracks: [] } }) {
  return installFetch((url) => {
    if (url !== '/api/library') return other;
    return typeof library === 'number' ? { status: library, body: { error: { message: 'no' } } } : { body: library };
  });
}

test('a runner with an imported library chooses library, catalog or mix, and the choice goes into the request', async () => {
  const calls = libraryAndApi(LIBRARY);
  await startBuild(Promise.resolve({ runnerId: 'r1' }));
  assert.equal(byId('source-group').hidden, false);
  assert.match(byId('source-hint').textContent, /^1,234 of your tracks have a known tempo/);
  await submitWith('tempo', 'steady', { 'target-tempo': '160' }); // the default, as the API's with a library
  choose('source', 'library');
  await byId('build-form').dispatch('submit');
  choose('source', 'catalog');
  await byId('build-form').dispatch('submit');
  const sent = calls.filter((c) => c.url === '/api/recommendations').map((c) => JSON.parse(c.body).source);
  assert.deepEqual(sent, ['mix', 'library', 'catalog']);
});

test('the 422 about a library too small for the plan is shown for the whole form, with what would help', async () => {
  const message = 'Your library has too few tracks at 160 BPM: 4 of them, and a 30-minute run needs about 9. Try "source": "mix".';
  libraryAndApi(LIBRARY, { status: 422, body: { error: { code: 'no_playlist', message, field: 'source',
    suggestions: [{ field: 'source', value: 'mix' }] } } });
  await startBuild(Promise.resolve({ runnerId: 'r1' }));
  choose('source', 'library');
  await submitWith('tempo', 'steady', { 'target-tempo': '160' });
  assert.equal(byId('build-form').querySelector('.error-summary').textContent, message);
  assert.deepEqual(browser.navigations, []);
});

test('without a usable library (none, being imported for the first time, no tempo, an error, signed out) there is no choice and no source', async () => {
  for (const [library, runner] of [[{ status: 'none', tracks: 0, withTempo: 0 }, { runnerId: 'r1' }],
    [{ status: 'running', tracks: 0, withTempo: 0, progress: { done: 10, total: 900 } }, { runnerId: 'r1' }],
    [{ status: 'done', tracks: 12, withTempo: 0, importedAt: '2026-12-05T18:00:00Z' }, { runnerId: 'r1' }],
    [500, { runnerId: 'r1' }], [LIBRARY, null]]) {
    buildPage();
    const calls = libraryAndApi(library);
    await startBuild(Promise.resolve(runner));
    assert.equal(byId('source-group').hidden, true, JSON.stringify(library));
    await submitWith('tempo', 'steady', { 'target-tempo': '160' });
    const posted = calls.filter((c) => c.url === '/api/recommendations');
    assert.equal(posted.length, 1);
    assert.equal('source' in JSON.parse(posted[0].body), false);
    assert.equal(calls.some((c) => c.url === '/api/library'), runner !== null, 'a signed-out visitor has no library to ask about');
  }
});
