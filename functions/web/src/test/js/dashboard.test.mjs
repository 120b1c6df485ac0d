import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser } from './dom-stand-in.mjs';
import { importPage } from './page-modules.mjs';

const { zonesFrom, startDashboard } = await importPage('dashboard.js');

test('without zones from the API there are five bands of 50–100% of the maximum heart rate', () => {
  assert.deepEqual(zonesFrom(undefined, 200).map((z) => [z.from, z.to, z.className]), [
    [100, 120, 'zone-1'], [120, 140, 'zone-2'], [140, 160, 'zone-3'], [160, 180, 'zone-4'], [180, 200, 'zone-5'],
  ]);
  assert.equal(zonesFrom([], null)[4].to, 190, 'an unknown maximum counts as 190');
  assert.equal(zonesFrom(null, 190)[0].label, 'Zone 1 · very light');
});

test('zones from the API keep their bounds and names whatever the bound fields are called, dropping unreadable ones', () => {
  const zones = zonesFrom([
    { fromBpm: 95, toBpm: 114, name: 'Easy' },
    { from: 114, to: 133 },
    { min: 133, max: 152 },
    { lower: '152', upper: '171' },
    { fromBpm: 171 },
    { fromBpm: 171, toBpm: 190 },
  ], 200);
  assert.deepEqual(zones.map((z) => [z.from, z.to, z.label, z.className]), [
    [95, 114, 'Easy', 'zone-1'],
    [114, 133, 'Zone 2 · light', 'zone-2'],
    [133, 152, 'Zone 3 · moderate', 'zone-3'],
    [152, 171, 'Zone 4 · hard', 'zone-4'],
    [171, 190, 'Zone 6', 'zone-5'],
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
