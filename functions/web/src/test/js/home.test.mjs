import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser, installFetch } from './dom-stand-in.mjs';
import { importPage } from './page-modules.mjs';

const { startHome } = await importPage('home.js');

let browser;
let document;
const byId = (id) => document.getElementById(id);

// The parts of pages/home.html the script touches.
beforeEach(() => {
  browser = installBrowser();
  document = browser.document;
  document.cookie = '__Host-beats_csrf=csrf-1';
  const h = document.h.bind(document);
  document.body.append(
    h('p', { id: 'spotify-status' }, 'Sign in to publish playlists to your Spotify account.'),
    h('a', { id: 'spotify-sign-in', class: 'button', href: '/auth/spotify/start' }, 'Sign in with Spotify'),
    h('p', { id: 'fitbit-status' }, 'Connect your Fitbit.'),
    h('a', { id: 'fitbit-connect', class: 'button secondary', href: '/auth/google-health/start' }, 'Connect Fitbit'),
    h('form', { id: 'fitbit-disconnect', hidden: true }, h('button', { type: 'submit' }, 'Disconnect Fitbit')),
    h('form', { id: 'heart-rate-form' },
      h('input', { id: 'heart-rate', name: 'bpm' }),
      h('p', { id: 'heart-rate-error', class: 'field-error', hidden: true }),
      h('button', { id: 'heart-rate-submit', type: 'submit' })),
  );
});

const connectedRunner = {
  runnerId: 'r-1', displayName: 'Ada',
  links: { spotify: { status: 'CONNECTED', dryRun: false }, 'google-health': { status: 'CONNECTED' } },
  heartRate: { current: 142 },
};

test('a runner with Fitbit connected sees it, a link to the dashboard, the disconnect form and their heart rate', async () => {
  await startHome(Promise.resolve(connectedRunner));
  assert.match(byId('fitbit-status').textContent, /Fitbit is connected/);
  assert.equal(byId('fitbit-connect').textContent, 'See my heart rate');
  assert.equal(byId('fitbit-connect').getAttribute('href'), '/dashboard');
  assert.equal(byId('fitbit-disconnect').hidden, false);
  assert.equal(byId('spotify-status').textContent, 'Signed in as Ada.');
  assert.equal(byId('spotify-sign-in').textContent, 'Sign in again');
  assert.equal(byId('heart-rate').value, '142');
});

test('Spotify asking for a new sign-in is said, and a signed-out visitor keeps the page as it is', async () => {
  await startHome(Promise.resolve({ runnerId: 'r-2', links: { spotify: { status: 'RECONNECT_REQUIRED' } } }));
  assert.match(byId('spotify-status').textContent, /sign in again/);
  assert.equal(byId('fitbit-disconnect').hidden, true);
  assert.equal(byId('spotify-sign-in').textContent, 'Sign in with Spotify');
});

test('disconnecting when Google confirmed the revocation reloads the page', async () => {
  const calls = installFetch(() => ({ body: { disconnected: true, revokedAtProvider: true } }));
  await startHome(Promise.resolve(connectedRunner));
  await byId('fitbit-disconnect').dispatch('submit');
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, '/auth/google-health/disconnect');
  assert.equal(calls[0].method, 'POST');
  assert.equal(calls[0].headers['X-CSRF-Token'], 'csrf-1');
  assert.deepEqual(browser.navigations, [['reload']]);
});

test('disconnecting when Google could not confirm it updates the Fitbit card in place and says to remove the app at Google', async () => {
  installFetch(() => ({ body: { disconnected: true, revokedAtProvider: false } }));
  await startHome(Promise.resolve(connectedRunner));
  const event = await byId('fitbit-disconnect').dispatch('submit');
  assert.equal(event.defaultPrevented, true);
  assert.deepEqual(browser.navigations, [], 'no reload, which would take the message away');
  assert.equal(byId('fitbit-disconnect').hidden, true);
  assert.equal(byId('fitbit-connect').textContent, 'Connect Fitbit');
  assert.equal(byId('fitbit-connect').getAttribute('href'), '/auth/google-health/start');
  const status = byId('fitbit-status').textContent;
  assert.match(status, /Fitbit is disconnected and your heart-rate data is deleted here/);
  assert.match(status, /remove Run to the Beats under third-party apps & services in your Google Account/);
});

test('an answer without revokedAtProvider (an older API) reloads as before', async () => {
  installFetch(() => ({ status: 204 }));
  await startHome(Promise.resolve(connectedRunner));
  await byId('fitbit-disconnect').dispatch('submit');
  assert.deepEqual(browser.navigations, [['reload']]);
});

test('a failed disconnect shows the error on the disconnect form and leaves the card as it was', async () => {
  installFetch(() => ({ status: 503, body: { error: { code: 'unavailable', message: 'Try again in a minute.' } } }));
  await startHome(Promise.resolve(connectedRunner));
  await byId('fitbit-disconnect').dispatch('submit');
  assert.deepEqual(browser.navigations, []);
  const summary = byId('fitbit-disconnect').querySelector('.error-summary');
  assert.equal(summary.textContent, 'Try again in a minute.');
  assert.equal(summary.getAttribute('role'), 'alert');
  assert.equal(byId('fitbit-disconnect').hidden, false);
  assert.match(byId('fitbit-status').textContent, /Fitbit is connected/);
});

test('a heart rate out of range is shown at the field and nothing is sent', async () => {
  const calls = installFetch(() => ({ status: 204 }));
  await startHome(Promise.resolve(null));
  byId('heart-rate').value = '250';
  await byId('heart-rate-form').dispatch('submit');
  assert.equal(calls.length, 0);
  assert.equal(byId('heart-rate-error').textContent, 'Your heart rate must be between 30 and 230.');
  assert.equal(byId('heart-rate').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(browser.navigations, []);
});

test('a signed-out visitor goes straight to the build page with the heart rate', async () => {
  const calls = installFetch(() => ({ status: 204 }));
  await startHome(Promise.resolve(null));
  byId('heart-rate').value = '151.4';
  await byId('heart-rate-form').dispatch('submit');
  assert.equal(calls.length, 0);
  assert.deepEqual(browser.navigations, [['assign', '/build?heartRate=151']]);
});

test('a signed-in runner records the heart rate, then goes to the build page', async () => {
  const calls = installFetch(() => ({ status: 202, body: { bpm: 150 } }));
  await startHome(Promise.resolve(connectedRunner));
  byId('heart-rate').value = '150';
  await byId('heart-rate-form').dispatch('submit');
  assert.deepEqual(calls.map((c) => [c.method, c.url, c.body]), [['POST', '/api/heart-rate', '{"bpm":150}']]);
  assert.deepEqual(browser.navigations, [['assign', '/build?heartRate=150']]);
  assert.equal(byId('heart-rate-submit').disabled, false);
});

test('the API naming the bpm field shows its message there; an expired session still goes on to build', async () => {
  installFetch(() => ({ status: 400, body: { error: { code: 'invalid', message: 'bpm is not plausible', field: 'bpm' } } }));
  await startHome(Promise.resolve(connectedRunner));
  byId('heart-rate').value = '150';
  await byId('heart-rate-form').dispatch('submit');
  assert.equal(byId('heart-rate-error').textContent, 'bpm is not plausible');
  assert.deepEqual(browser.navigations, []);

  installFetch(() => ({ status: 401 }));
  await byId('heart-rate-form').dispatch('submit');
  assert.equal(byId('heart-rate-error').hidden, true, 'the earlier error is cleared');
  assert.deepEqual(browser.navigations, [['assign', '/build?heartRate=150']]);
});

test('any other failure to record the heart rate is shown for the whole form', async () => {
  installFetch(() => ({ status: 500, body: { error: { message: 'Something went wrong on our side.' } } }));
  await startHome(Promise.resolve(connectedRunner));
  byId('heart-rate').value = '150';
  await byId('heart-rate-form').dispatch('submit');
  assert.equal(byId('heart-rate-form').querySelector('.error-summary').textContent, 'Something went wrong on our side.');
  assert.deepEqual(browser.navigations, []);
});

test('a signed-in runner sees their banned songs and can undo one; signed out the list stays hidden', async () => {
  const h = document.h.bind(document);
  document.body.append(h('section', { id: 'bans', hidden: true }, h('p', { id: 'bans-empty' }), h('ul', { id: 'bans-list' })));
  let bans = [{ songKey: 'say it|flume', trackId: 't1', name: 'Say It', artist: 'Flume', bannedAt: '2026-12-05T09:00:00Z' }];
  const calls = installFetch((url, init) => {
    if (init.method === 'DELETE') {
      bans = [];
      return { body: { songKey: 'say it|flume', removed: true } };
    }
    return { body: { bans } };
  });
  await startHome(Promise.resolve(connectedRunner));
  assert.equal(byId('bans').hidden, false);
  assert.equal(byId('bans-empty').hidden, true);
  const item = byId('bans-list').children[0];
  assert.match(item.textContent, /^Say It — Flume Undo/);
  await item.children[0].dispatch('click');
  const undo = calls.find((c) => c.method === 'DELETE');
  assert.equal(undo.url, '/api/bans?songKey=say%20it%7Cflume');
  assert.equal(undo.headers['X-CSRF-Token'], 'csrf-1');
  assert.equal(byId('bans-list').children.length, 0);
  assert.equal(byId('bans-empty').hidden, false);

  byId('bans').hidden = true;
  installFetch(() => ({ status: 401, body: { error: { code: 'not_signed_in', message: 'x' } } }));
  await startHome(Promise.resolve(connectedRunner));
  assert.equal(byId('bans').hidden, true);
});
