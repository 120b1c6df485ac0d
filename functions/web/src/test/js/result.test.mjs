import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser, installFetch } from './dom-stand-in.mjs';
import { importPage } from './page-modules.mjs';

const { keyName, clock, startResult } = await importPage('result.js');
const { savePlaylist, loadPlaylist } = await importPage('playlist-store.js');

test('keys are named from pitch class and mode, and an unknown key is blank', () => {
  assert.equal(keyName(0, 1), 'C major');
  assert.equal(keyName(9, 0), 'A minor');
  assert.equal(keyName(10, 1), 'B♭ major');
  assert.equal(keyName(-1, 1), '');
  assert.equal(keyName(12, 0), '');
  assert.equal(keyName(null, 1), '');
});

test('clock shows minutes and seconds, and hours once the run is that long', () => {
  assert.equal(clock(0), '0:00');
  assert.equal(clock(59_600), '1:00');
  assert.equal(clock(754_000), '12:34');
  assert.equal(clock(3_725_000), '1:02:05');
});

let browser;
let document;
const byId = (id) => document.getElementById(id);

// The parts of pages/result.html the script touches.
beforeEach(() => {
  browser = installBrowser({ pathname: '/result' });
  document = browser.document;
  document.cookie = '__Host-beats_csrf=csrf-9';
  const h = document.h.bind(document);
  document.body.append(
    h('div', { id: 'no-playlist', hidden: true }),
    h('div', { id: 'playlist', hidden: true },
      h('p', { id: 'playlist-lead' }),
      h('dl', { id: 'summary' }),
      h('p', { id: 'flow-note' }),
      h('figure', { id: 'tempo-chart' }),
      h('table', { id: 'tracks-table' }, h('thead'), h('tbody')),
      h('p', { id: 'dry-run-note', hidden: true }),
      h('form', { id: 'publish-form' },
        h('input', { id: 'playlist-name', type: 'text' }),
        h('p', { id: 'playlist-name-error', class: 'field-error', hidden: true }),
        h('input', { id: 'playlist-public', type: 'checkbox' }),
        h('button', { id: 'publish-submit', type: 'submit' }, 'Publish')),
      h('div', { id: 'publish-result', hidden: true }),
      h('section', { id: 'alternatives', hidden: true },
        h('span', { id: 'alternatives-slot' }), h('p', { id: 'alternatives-note' }), h('ul', { id: 'alternatives-list' }))),
  );
});

const track = (id, startMin, tempo, effectiveTempo, extra) => ({
  id, name: `Song ${id}`, artist: `Artist ${id}`, startMs: startMin * 60000, durationMs: 300000,
  tempo, effectiveTempo, targetTempo: 170, camelot: '8B', key: 0, mode: 1,
  scores: { flow: 0.12345, key: 0, tempo: 0.5, jump: 1, total: 1.6234 }, ...extra,
});

function savedRamp(targetSource = 'tempo') {
  savePlaylist(
    { minutes: 10, target: { type: targetSource }, plan: { type: 'ramp', fromBpm: 165, toBpm: 175 } },
    {
      target: { source: targetSource, bpm: 170, clamped: true, requested: 250 },
      plan: { type: 'ramp', curve: [{ minute: 0, bpm: 165 }, { minute: 10, bpm: 175 }] },
      summary: { requestedMinutes: 10, trackCount: 2, totalDurationMs: 600000, meanTempoError: 1.25, maxTempoError: 2,
        harmonicShare: 0.5, meanTempoJump: 4, modelUsed: true, modelVersion: 'v7' },
      tracks: [track('a', 0, 84, 168, { seed: true, energy: 0.82, effort: 'ramp' }),
        track('b', 5, 172, 172, { harmonic: false, camelot: '3A', key: 1, mode: 0, energy: 0.41, effort: 'ramp' })],
    },
  );
}

const rows = () => byId('tracks-table').querySelector('tbody').children;

test('without a saved playlist the page says so and shows nothing else', async () => {
  await startResult(Promise.resolve(null));
  assert.equal(byId('no-playlist').hidden, false);
  assert.equal(byId('playlist').hidden, true);
});

test('the lead and summary describe the run, the plan, the target (clamped) and the model used', async () => {
  savedRamp();
  const calls = installFetch(() => ({ status: 500 }));
  await startResult(Promise.resolve(null));
  assert.equal(byId('playlist').hidden, false);
  assert.equal(byId('playlist-lead').textContent,
    '10 minutes, ramp 165 → 175 BPM — target from a tempo of 170 (you asked for 250; kept within the range runners use).');
  assert.deepEqual(byId('summary').children.map((group) => group.children.map((c) => c.textContent)), [
    ['Tracks', '2'], ['Duration', '10:00'], ['Mean tempo error', '±1.3 BPM'], ['Largest tempo error', '±2.0 BPM'],
    ['Harmonic transitions', '50%'], ['Mean tempo change', '4.0 BPM'],
  ]);
  assert.match(byId('flow-note').textContent, /sequence model \(version v7\)/);
  assert.equal(calls.length, 0, 'a tempo target has no heart-rate trace to fetch');
});

test('the table marks the runner\'s pick and a key change, with scores to two places', async () => {
  savedRamp();
  await startResult(Promise.resolve(null));
  const [first, second] = rows();
  assert.deepEqual(first.cells.map((c) => c.textContent), [
    '1', '0:00', 'Song a your pick', 'Artist a', '84.0', '168.0', '170.0', '8B · C major', '0.12', '0.00', '0.50', '1.00', '1.62',
    '0.82 · ramp', 'Swap Never play',
  ]);
  assert.equal(second.cells[13].classList.contains('low-energy'), true, 'a low-energy track where the runner works is marked');
  assert.equal(first.cells[2].localName, 'th');
  assert.equal(first.classList.contains('clash'), false);
  assert.equal(second.classList.contains('clash'), true);
  assert.equal(second.cells[7].textContent, '3A · C♯ minor key change');
});

test('a mix says how many tracks are the runner\'s own and marks them; a playlist all from the library marks none', async () => {
  const mix = (fromLibrary, source) => savePlaylist({ minutes: 10, target: { type: 'tempo' }, plan: { type: 'steady' }, source },
    { target: { source: 'tempo', bpm: 170 }, summary: { requestedMinutes: 10, trackCount: 2, source, fromLibrary: fromLibrary.filter(Boolean).length },
      tracks: fromLibrary.map((own, i) => track(String.fromCharCode(97 + i), 5 * i, 170, 170, { fromLibrary: own })) });
  mix([true, false], 'mix');
  await startResult(Promise.resolve(null));
  assert.deepEqual(byId('summary').children.at(-1).children.map((c) => c.textContent), ['From your library', '1 of 2']);
  assert.deepEqual(rows().map((r) => r.cells[2].textContent), ['Song a your library', 'Song b']);

  mix([true, true], 'library');
  await startResult(Promise.resolve(null));
  assert.deepEqual(byId('summary').children.at(-1).children.map((c) => c.textContent), ['From your library', '2 of 2']);
  assert.deepEqual(rows().map((r) => r.cells[2].textContent), ['Song a', 'Song b']);
});

test('a steady plan with no model is labelled as such, and missing numbers show as dashes', async () => {
  savePlaylist({ minutes: 20, target: { type: 'cadence' }, plan: { type: 'steady' } },
    { target: { source: 'cadence', bpm: 171.6 }, summary: {}, tracks: [track('c', 0, 170, 170, { scores: {} })] });
  await startResult(Promise.resolve(null));
  assert.equal(byId('playlist-lead').textContent, '20 minutes, steady 172 BPM — target from cadence 172.');
  assert.match(byId('flow-note').textContent, /No trained flow model/);
  assert.deepEqual(rows()[0].cells.slice(8, 14).map((c) => c.textContent), ['–', '–', '–', '–', '–', '–']);
});

const tickLabels = (axis) => byId('tempo-chart').descendants()
  .filter((e) => e.getAttribute('class') === 'tick' && e.getAttribute('text-anchor') === axis)
  .map((e) => e.textContent);

test('the chart draws the plan curve and the tracks, with the tempo axis a few BPM around them', async () => {
  savedRamp();
  await startResult(Promise.resolve(null));
  const series = byId('tempo-chart').descendants().map((e) => e.getAttribute('data-series')).filter(Boolean);
  assert.deepEqual(series, ['target', 'tracks']);
  // tempos 165…175, six BPM either side, rounded out to fives
  const y = tickLabels('end');
  assert.equal(y[0], '155');
  assert.equal(y[y.length - 1], '185');
});

test('a heart-rate target adds the trace as half-minute averages, widening the axis by 25 BPM at most', async () => {
  savedRamp('heartRate');
  const start = Date.parse('2026-11-24T07:00:00Z');
  const at = (seconds) => new Date(start + seconds * 1000).toISOString();
  const calls = installFetch(() => ({
    body: { samples: [
      { timestamp: at(40), bpm: 150 }, { timestamp: at(0), bpm: 100 }, { timestamp: at(10), bpm: 110 },
      { timestamp: at(20), bpm: 120 }, { timestamp: 'not a time', bpm: 90 },
    ] },
  }));
  await startResult(Promise.resolve(null));
  assert.deepEqual(calls.map((c) => c.url), ['/api/heart-rate?minutes=15']);
  const heart = byId('tempo-chart').descendants().find((e) => e.getAttribute('data-series') === 'heart-rate');
  const points = heart.children[0].getAttribute('d').split(' ');
  assert.equal(points.length, 2, 'samples 0–20 s and 40 s make two half-minute points');
  assert.equal(tickLabels('end')[0], '140', 'the 110-bpm average would squash the tempo curve, so the axis stops 25 below it');
});

test('without heart-rate samples to show the chart has no trace', async () => {
  savedRamp('current');
  installFetch(() => ({ status: 404 }));
  await startResult(Promise.resolve(null));
  const series = byId('tempo-chart').descendants().map((e) => e.getAttribute('data-series')).filter(Boolean);
  assert.deepEqual(series, ['target', 'tracks']);
});

test('publishing sends the tracks in order with the playlist\'s idempotency key and shows the link', async () => {
  savedRamp();
  const key = loadPlaylist().idempotencyKey;
  const calls = installFetch(() => ({ status: 201, body: { url: 'https://open.spotify.com/playlist/p1', trackCount: 2 } }));
  await startResult(Promise.resolve({ links: { spotify: { status: 'CONNECTED', dryRun: false } } }));
  assert.equal(byId('playlist-name').value, 'Run to the Beats · 10 min ramp 165 → 175 BPM');
  byId('playlist-name').value = 'Tuesday tempo';
  await byId('publish-form').dispatch('submit');
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, '/api/playlists');
  assert.equal(calls[0].headers['Idempotency-Key'], key);
  assert.equal(calls[0].headers['X-CSRF-Token'], 'csrf-9');
  const body = JSON.parse(calls[0].body);
  assert.deepEqual([body.name, body.public, body.trackIds], ['Tuesday tempo', false, ['a', 'b']]);
  assert.match(body.description, /^Built by Run to the Beats: 10 minutes, ramp/);
  const result = byId('publish-result');
  assert.equal(result.hidden, false);
  assert.equal(result.textContent, 'Published “Tuesday tempo” with 2 tracks to your Spotify account.Open in Spotify');
  assert.equal(result.querySelector('a').href, 'https://open.spotify.com/playlist/p1');
  assert.equal(loadPlaylist().publication.name, 'Tuesday tempo');
});

test('a dry run says nothing was sent and where the file is, and is shown again after a reload', async () => {
  savedRamp();
  installFetch(() => ({ status: 201, body: { dryRun: true, trackCount: 2, location: '/tmp/state/dry-run/p.json' } }));
  const demo = Promise.resolve({ demo: true, links: { spotify: { dryRun: true } } });
  await startResult(demo);
  await demo;
  assert.equal(byId('dry-run-note').hidden, false);
  assert.equal(byId('publish-submit').textContent, 'Publish (dry run)');
  await byId('publish-form').dispatch('submit');
  const shown = () => [byId('publish-result').querySelector('.dry-run-label').textContent, byId('publish-result').querySelector('code').textContent];
  assert.deepEqual(shown(), ['Dry run', '/tmp/state/dry-run/p.json']);

  byId('publish-result').replaceChildren();
  await startResult(Promise.resolve(null));
  assert.deepEqual(shown(), ['Dry run', '/tmp/state/dry-run/p.json']);
});

test('an empty name, a name the API refuses and a missing sign-in are each shown where they belong', async () => {
  savedRamp();
  const calls = installFetch(() => ({ status: 400, body: { error: { message: 'name is too long', field: 'name' } } }));
  await startResult(Promise.resolve(null));
  byId('playlist-name').value = '  ';
  await byId('publish-form').dispatch('submit');
  assert.equal(calls.length, 0);
  assert.equal(byId('playlist-name-error').textContent, 'Give the playlist a name.');

  byId('playlist-name').value = 'x'.repeat(101);
  await byId('publish-form').dispatch('submit');
  assert.equal(byId('playlist-name-error').textContent, 'name is too long');

  installFetch(() => ({ status: 401 }));
  byId('playlist-name').value = 'Fine';
  await byId('publish-form').dispatch('submit');
  assert.equal(byId('playlist-name-error').hidden, true);
  assert.equal(byId('publish-form').querySelector('.error-summary').textContent, 'Sign in with Spotify first (on the home page), then publish again.');
  assert.equal(byId('publish-submit').disabled, false);
  assert.equal(byId('publish-form').hasAttribute('aria-busy'), false);
});

test('a swap asks for alternatives with the playlist and the slot, and choosing one edits what is published', async () => {
  savedRamp('current');
  const before = loadPlaylist();
  const edited = { ...before.response, tracks: [before.response.tracks[0], track('z', 5, 171, 171, { energy: 0.9, effort: 'ramp' })] };
  const calls = installFetch((url) => url === '/api/recommendations/alternatives'
    ? { body: { position: 1, replacedId: 'b', alternatives: [{ track: edited.tracks[1], playlist: edited }] } }
    : url.startsWith('/api/heart-rate') ? { body: { samples: [] } } : { status: 201, body: { playlistId: 'p1', url: 'https://open.spotify.com/playlist/p1', trackCount: 2, dryRun: true } });
  await startResult(Promise.resolve(null));
  const swap = rows()[1].cells[14].children[0];
  await swap.dispatch('click');
  const asked = JSON.parse(calls.find((c) => c.url === '/api/recommendations/alternatives').body);
  assert.deepEqual(asked.trackIds, ['a', 'b']);
  assert.equal(asked.position, 1);
  assert.deepEqual(asked.request.target, { type: 'tempo', bpm: 170 }, 'a "current" target is pinned to the tempo it resolved to');
  assert.equal(byId('alternatives').hidden, false);
  const choice = byId('alternatives-list').children[0].children[0];
  assert.match(choice.textContent, /Song z — Artist z \(171.0 BPM, energy 0.90\)/);
  await choice.dispatch('click');
  const after = loadPlaylist();
  assert.deepEqual(after.response.tracks.map((t) => t.id), ['a', 'z']);
  assert.notEqual(after.idempotencyKey, before.idempotencyKey, 'an edited playlist is published under a new key');
  assert.equal(rows()[1].cells[2].textContent, 'Song z');
  await byId('publish-form').dispatch('submit');
  const published = calls.find((c) => c.url === '/api/playlists');
  assert.deepEqual(JSON.parse(published.body).trackIds, ['a', 'z']);
  assert.equal(published.headers['Idempotency-Key'], after.idempotencyKey);
});

test('never play bans the song for the runner, then offers the slot\'s alternatives; signed out it says to sign in', async () => {
  savedRamp();
  let signedIn = true;
  const calls = installFetch((url) => url === '/api/bans'
    ? (signedIn ? { status: 201, body: { songKey: 'song a|artist a' } } : { status: 401, body: { error: { code: 'not_signed_in', message: 'x' } } })
    : { body: { position: 0, alternatives: [] } });
  await startResult(Promise.resolve(null));
  await rows()[0].cells[14].children[1].dispatch('click');
  assert.deepEqual(JSON.parse(calls[0].body), { trackId: 'a' });
  assert.equal(calls[0].headers['X-CSRF-Token'], 'csrf-9');
  assert.equal(calls[1].url, '/api/recommendations/alternatives');
  assert.match(byId('alternatives-note').textContent, /"Song a" will not be played again.*No other track fits/);
  signedIn = false;
  await rows()[0].cells[14].children[1].dispatch('click');
  assert.match(byId('alternatives-note').textContent, /Sign in/);
});

test('a playlist scored by the ranking model says so, with its version', async () => {
  savePlaylist({ minutes: 20, target: { type: 'cadence' }, plan: { type: 'steady' } },
    { target: { source: 'cadence', bpm: 170 }, summary: { modelUsed: true, modelVersion: 'v9', flowReference: 'ranking-model' },
      tracks: [track('c', 0, 170, 170, { scores: {} })] });
  await startResult(Promise.resolve(null));
  assert.match(byId('flow-note').textContent, /ranking model \(version v9\): learned from public playlists/);
  assert.doesNotMatch(byId('flow-note').textContent, /sequence model/);
});
