import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser, installFetch } from './dom-stand-in.mjs';
import { importPage } from './page-modules.mjs';

const { startLibraryCard } = await importPage('library.js');

let document;
const byId = (id) => document.getElementById(id);
const runner = { runnerId: 'r-1', displayName: 'Ada', links: { spotify: { status: 'CONNECTED' } } };

// The library card of pages/home.html.
beforeEach(() => {
  document = installBrowser().document;
  document.cookie = '__Host-beats_csrf=csrf-1';
  const h = document.h.bind(document);
  document.body.append(h('section', { id: 'library', hidden: true },
    h('p', { id: 'library-status' }),
    h('p', { id: 'library-progress-row', hidden: true }, h('progress', { id: 'library-progress', max: '1', value: '0' })),
    h('div', { id: 'library-sources', hidden: true },
      h('span', { id: 'library-imported-at' }),
      h('span', { id: 'library-source-reccobeats' }), h('a', { id: 'library-getsongbpm-link', href: 'https://getsongbpm.com' }),
      h('span', { id: 'library-source-getsongbpm' }), h('span', { id: 'library-source-none' })),
    h('button', { id: 'library-import', type: 'button' }, 'Import my Spotify library'),
    h('form', { id: 'library-delete', hidden: true }, h('button', { type: 'submit' })),
    h('p', { id: 'library-error', hidden: true })));
});

const none = { status: 'none', tracks: 0, withTempo: 0, progress: { done: 0, total: 0 }, sources: { reccobeats: 0, getsongbpm: 0, none: 0 }, playlistsSkipped: 0, importedAt: null };
const running = (done, total) => ({ ...none, status: 'running', progress: { done, total } });
const done = { status: 'done', tracks: 1234, withTempo: 1200, progress: { done: 1234, total: 1234 },
  sources: { reccobeats: 1100, getsongbpm: 100, none: 34 }, playlistsSkipped: 1, importedAt: '2026-12-05T15:00:00Z' };

/** A timer the test fires by hand, so polling is stepped through instead of waited for. */
function manualTimer() {
  const pending = [];
  return { timer: (fn, ms) => pending.push({ fn, ms }), pending, fire: async () => pending.shift().fn() };
}

test('signed out, the card stays hidden and nothing is asked', async () => {
  const calls = installFetch(() => ({ body: none }));
  await startLibraryCard(null);
  assert.equal(byId('library').hidden, true);
  assert.equal(calls.length, 0);
});

test('a runner without a library is offered the import, with nothing to delete', async () => {
  installFetch(() => ({ body: none }));
  await startLibraryCard(runner, manualTimer());
  assert.equal(byId('library').hidden, false);
  assert.equal(byId('library-import').textContent, 'Import my Spotify library');
  assert.equal(byId('library-import').disabled, false);
  assert.equal(byId('library-delete').hidden, true);
  assert.equal(byId('library-sources').hidden, true);
});

test('importing posts with the CSRF header, then the progress bar follows GET /api/library until the counts show', async () => {
  const answers = [none, running(40, 325), running(200, 325), done];
  const calls = installFetch((url, init) => (init.method === 'POST'
    ? { status: 202, body: { importId: 'i-1', status: 'running' } } : { body: answers.shift() }));
  const clock = manualTimer();
  await startLibraryCard(runner, clock);
  await byId('library-import').dispatch('click');
  const post = calls.find((c) => c.method === 'POST');
  assert.equal(post.url, '/api/library/import');
  assert.equal(post.headers['X-CSRF-Token'], 'csrf-1');
  assert.equal(byId('library-import').disabled, true, 'no second import while one runs');
  assert.equal(byId('library-progress-row').hidden, false);

  await clock.fire();
  assert.equal(byId('library-progress').getAttribute('max'), '325');
  assert.equal(byId('library-progress').value, '40');
  assert.match(byId('library-status').textContent, /40 of 325 tracks/);
  await clock.fire();
  assert.equal(byId('library-progress').value, '200');
  await clock.fire();
  assert.equal(clock.pending.length, 0, 'polling stops once the import is done');
  assert.equal(byId('library-progress-row').hidden, true);
  assert.match(byId('library-status').textContent, /1,234 tracks in your library, 1,200 with a tempo\. 1 playlist could not be read/);
  assert.equal(byId('library-source-reccobeats').textContent, '1,100');
  assert.equal(byId('library-source-getsongbpm').textContent, '100');
  assert.equal(byId('library-source-none').textContent, '34');
  assert.equal(byId('library-sources').hidden, false, 'the sources, with the GetSongBPM backlink, are shown with the counts');
  assert.equal(byId('library-getsongbpm-link').getAttribute('href'), 'https://getsongbpm.com');
  assert.equal(byId('library-delete').hidden, false);
  assert.equal(byId('library-import').textContent, 'Import my Spotify library again');
});

test('a sign-in from before the library scopes is told to sign in again', async () => {
  installFetch((url, init) => (init.method === 'POST'
    ? { status: 409, body: { error: { code: 'spotify_reconnect_required', message: 'sign in again' } } } : { body: none }));
  await startLibraryCard(runner, manualTimer());
  await byId('library-import').dispatch('click');
  assert.equal(byId('library-error').hidden, false);
  assert.match(byId('library-error').textContent, /sign in again/);
  assert.equal(byId('library-import').disabled, false);
});

test('deleting sends DELETE with the CSRF header and leaves the card as before any import', async () => {
  const calls = installFetch((url, init) => (init.method === 'DELETE' ? { status: 204 } : { body: done }));
  await startLibraryCard(runner, manualTimer());
  assert.equal(byId('library-delete').hidden, false);
  const event = await byId('library-delete').dispatch('submit');
  assert.equal(event.defaultPrevented, true);
  const del = calls.find((c) => c.method === 'DELETE');
  assert.equal(del.url, '/api/library');
  assert.equal(del.headers['X-CSRF-Token'], 'csrf-1');
  assert.equal(byId('library-delete').hidden, true);
  assert.equal(byId('library-sources').hidden, true);
  assert.equal(byId('library-import').textContent, 'Import my Spotify library');
});

test('a failed import says why and offers to try again', async () => {
  installFetch(() => ({ body: { ...none, status: 'failed', error: 'Spotify was unavailable' } }));
  await startLibraryCard(runner, manualTimer());
  assert.match(byId('library-status').textContent, /The import failed: Spotify was unavailable/);
  assert.equal(byId('library-import').textContent, 'Import my Spotify library again');
  assert.equal(byId('library-progress-row').hidden, true);
});
