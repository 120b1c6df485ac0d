import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser } from './dom-stand-in.mjs';
import { importPage } from './page-modules.mjs';

const { savePlaylist, loadPlaylist, rememberPublication } = await importPage('playlist-store.js');

const KEY = 'beats.lastPlaylist';
const request = { target: { type: 'tempo', bpm: 170 }, minutes: 30 };
const response = { tracks: [{ id: 't1', name: 'One' }], summary: { trackCount: 1 } };

let storage;
let browser;
beforeEach(() => {
  browser = installBrowser();
  storage = browser.sessionStorage;
});

test('a saved playlist loads back with its request, response, build time and an idempotency key', () => {
  savePlaylist(request, response);
  const saved = loadPlaylist();
  assert.deepEqual(saved.request, request);
  assert.deepEqual(saved.response, response);
  assert.ok(!Number.isNaN(Date.parse(saved.builtAt)));
  assert.match(saved.idempotencyKey, /^[0-9a-f-]{32,36}$/);
});

test('where the browser has no crypto.randomUUID the key is 16 random bytes in hex', () => {
  browser.window.crypto = undefined;
  savePlaylist(request, response);
  const first = loadPlaylist().idempotencyKey;
  assert.match(first, /^[0-9a-f]{32}$/);
  savePlaylist(request, response);
  assert.notEqual(loadPlaylist().idempotencyKey, first);
});

test('each new playlist gets its own idempotency key', () => {
  savePlaylist(request, response);
  const first = loadPlaylist().idempotencyKey;
  savePlaylist(request, response);
  assert.notEqual(loadPlaylist().idempotencyKey, first);
});

test('nothing saved, a corrupt entry or one without a track list loads as no playlist', () => {
  assert.equal(loadPlaylist(), null);
  storage.setItem(KEY, '{not json');
  assert.equal(loadPlaylist(), null);
  storage.setItem(KEY, JSON.stringify({ request, response: { tracks: 'none' } }));
  assert.equal(loadPlaylist(), null);
});

test('a publication is remembered with the playlist and keeps its idempotency key, so a retry is the same request', () => {
  savePlaylist(request, response);
  const key = loadPlaylist().idempotencyKey;
  rememberPublication({ url: 'https://open.spotify.com/playlist/p', trackCount: 1, name: 'Tempo run' });
  const saved = loadPlaylist();
  assert.equal(saved.idempotencyKey, key);
  assert.deepEqual(saved.publication, { url: 'https://open.spotify.com/playlist/p', trackCount: 1, name: 'Tempo run' });
});

test('a publication without a saved playlist stores nothing', () => {
  rememberPublication({ url: 'https://open.spotify.com/playlist/p' });
  assert.equal(storage.getItem(KEY), null);
});
