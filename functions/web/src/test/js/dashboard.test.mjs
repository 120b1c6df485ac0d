import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser } from './dom-stand-in.mjs';
import { importPage } from './page-modules.mjs';

const { zonesFrom, startDashboard } = await importPage('dashboard.js');

test('without zones from the API there are no bands: the page draws no zones of its own', () => {
  assert.deepEqual(zonesFrom(undefined), []);
  assert.deepEqual(zonesFrom([]), []);
  assert.deepEqual(zonesFrom(null), []);
});

test('zones from the API keep their bounds and are named by their number, dropping unreadable ones', () => {
  const zones = zonesFrom([
    { zone: 1, fromBpm: 125, toBpm: 138, suggestedTempo: 150 },
    { zone: 2, fromBpm: 138, toBpm: 151, suggestedTempo: 157 },
    { zone: 3, fromBpm: 151, toBpm: 164, suggestedTempo: 164 },
    { zone: 4, fromBpm: 164, toBpm: 177, suggestedTempo: 171 },
    { zone: 5, fromBpm: 177 },
    { zone: 5, fromBpm: 177, toBpm: 190, suggestedTempo: 178 },
  ]);
  assert.deepEqual(zones.map((z) => [z.from, z.to, z.label, z.className]), [
    [125, 138, 'Zone 1 · very light', 'zone-1'],
    [138, 151, 'Zone 2 · light', 'zone-2'],
    [151, 164, 'Zone 3 · moderate', 'zone-3'],
    [164, 177, 'Zone 4 · hard', 'zone-4'],
    [177, 190, 'Zone 5 · maximum', 'zone-5'],
  ]);
});

function dashboardPage(search) {
  const { document } = installBrowser({ pathname: '/dashboard', search });
  const h = document.h.bind(document);
  document.body.append(
    h('p', { id: 'connect-message', hidden: true }),
    h('div', { id: 'dashboard-signed-out', hidden: true }),
    h('div', { id: 'dashboard', hidden: true }),
  );
  return document;
}

test('after a connect the page names the provider that is now connected', async () => {
  const document = dashboardPage('?connected=google-health');
  await startDashboard(Promise.resolve(null));
  const box = document.getElementById('connect-message');
  assert.equal(box.textContent, 'Fitbit (Google Health) is connected.');
  assert.equal(box.hidden, false);
  assert.equal(document.getElementById('dashboard-signed-out').hidden, false);
  assert.equal(document.getElementById('dashboard').hidden, true);
});

test('a failed connect says which provider and why, readably', async () => {
  const document = dashboardPage('?connect=spotify&error=access_denied');
  await startDashboard(Promise.resolve(null));
  const box = document.getElementById('connect-message');
  assert.equal(box.textContent, 'Connecting Spotify did not work (access denied). Try again from the home page.');
  assert.equal(box.classList.contains('failed'), true);
});

test('a Google consent without heart rate says that the runner unticked it and that Fitbit is not connected', async () => {
  const document = dashboardPage('?connect=google-health&error=missing_scopes&missing='
    + encodeURIComponent('https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly'));
  await startDashboard(Promise.resolve(null));
  const box = document.getElementById('connect-message');
  assert.match(box.textContent, /^Fitbit is not connected: Google did not give permission to read your heart rate/);
  assert.match(box.textContent, /leave heart rate ticked/);
  assert.equal(box.classList.contains('failed'), true);
});

test('a Spotify sign-in without every scope names what is missing in words and says nobody is signed in', async () => {
  const document = dashboardPage('?connect=spotify&error=missing_scopes&missing=' + encodeURIComponent('user-library-read playlist-modify-private'));
  await startDashboard(Promise.resolve(null));
  assert.equal(document.getElementById('connect-message').textContent,
    'You are not signed in: Spotify did not give every permission Run to the Beats needs (to read your Liked Songs, '
    + 'create your playlists). Sign in with Spotify again from the home page and accept them.');
});

test("Spotify's development-mode 403 gets its own message, not 'could not be reached'", async () => {
  const document = dashboardPage('?connect=spotify&error=spotify_user_not_allowed');
  await startDashboard(Promise.resolve(null));
  const text = document.getElementById('connect-message').textContent;
  assert.match(text, /development mode, only accounts its owner has added/);
  assert.doesNotMatch(text, /reached|did not work/);
});
