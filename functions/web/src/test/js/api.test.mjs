import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser, installFetch } from './dom-stand-in.mjs';
import { importPage } from './page-modules.mjs';

const { api, ApiError, csrfToken, currentRunner } = await importPage('api.js');

let browser;
beforeEach(() => {
  browser = installBrowser();
});

test('the CSRF token is read from the __Host-beats_csrf cookie among others, URL-decoded', () => {
  browser.document.cookie = 'theme=dark; __Host-beats_csrf=a%2Fb%3D%3D; other=1';
  assert.equal(csrfToken(), 'a/b==');
  browser.document.cookie = 'theme=dark';
  assert.equal(csrfToken(), '');
});

test('a GET asks for JSON, sends no CSRF token or body, and returns the parsed answer', async () => {
  browser.document.cookie = '__Host-beats_csrf=token-1';
  const calls = installFetch(() => ({ body: { runnerId: 'r-1' } }));
  assert.deepEqual(await api.get('/api/me'), { runnerId: 'r-1' });
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, '/api/me');
  assert.equal(calls[0].method, 'GET');
  assert.deepEqual(calls[0].headers, { Accept: 'application/json' });
  assert.equal(calls[0].body, undefined);
  assert.equal(calls[0].credentials, 'same-origin');
});

test('a POST carries the CSRF token, the JSON body and extra headers', async () => {
  browser.document.cookie = '__Host-beats_csrf=token-2';
  const calls = installFetch(() => ({ status: 201, body: { url: 'https://open.spotify.com/playlist/x' } }));
  const answer = await api.post('/api/playlists', { name: 'Tempo run' }, { 'Idempotency-Key': 'k-1' });
  assert.deepEqual(answer, { url: 'https://open.spotify.com/playlist/x' });
  assert.equal(calls[0].method, 'POST');
  assert.deepEqual(calls[0].headers, {
    Accept: 'application/json', 'Idempotency-Key': 'k-1', 'X-CSRF-Token': 'token-2', 'Content-Type': 'application/json',
  });
  assert.equal(calls[0].body, '{"name":"Tempo run"}');
});

test('a POST without a body sends no Content-Type and no body, and an empty answer is null', async () => {
  browser.document.cookie = '__Host-beats_csrf=token-3';
  const calls = installFetch(() => ({ status: 204 }));
  assert.equal(await api.post('/auth/google-health/disconnect'), null);
  assert.deepEqual(calls[0].headers, { Accept: 'application/json', 'X-CSRF-Token': 'token-3' });
  assert.equal(calls[0].body, undefined);
});

test('a 400 JSON error keeps the API message, code and the field it names', async () => {
  installFetch(() => ({ status: 400, body: { error: { code: 'invalid', message: 'bpm must be between 30 and 230', field: 'bpm' } } }));
  const error = await api.post('/api/heart-rate', { bpm: 20 }).catch((e) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 400);
  assert.equal(error.code, 'invalid');
  assert.equal(error.message, 'bpm must be between 30 and 230');
  assert.equal(error.field, 'bpm');
});

test('an error without a JSON body gets a message a person can read, by status', async () => {
  for (const [status, expected] of [
    [401, /not signed in/],
    [403, /refused/],
    [404, /not available here/],
    [429, /Too many requests/],
    [502, /could not do that \(HTTP 502\)/],
  ]) {
    installFetch(() => ({ status, body: '<html>gateway</html>' }));
    const error = await api.get('/api/me').catch((e) => e);
    assert.equal(error.status, status);
    assert.equal(error.code, 'http_' + status);
    assert.match(error.message, expected);
    assert.equal(error.field, null);
  }
});

test('a network failure becomes status 0 with the code "network"', async () => {
  installFetch(() => { throw new TypeError('Failed to fetch'); });
  const error = await api.get('/api/me').catch((e) => e);
  assert.equal(error.status, 0);
  assert.equal(error.code, 'network');
  assert.match(error.message, /cannot be reached/);
});

test('currentRunner is null when signed out, without the runner API or offline, and rethrows other errors', async () => {
  installFetch(() => ({ body: { runnerId: 'r-2' } }));
  assert.deepEqual(await currentRunner(), { runnerId: 'r-2' });
  for (const status of [401, 404]) {
    installFetch(() => ({ status }));
    assert.equal(await currentRunner(), null);
  }
  installFetch(() => { throw new TypeError('offline'); });
  assert.equal(await currentRunner(), null);
  installFetch(() => ({ status: 500, body: { error: { message: 'boom' } } }));
  await assert.rejects(currentRunner(), (error) => error.status === 500 && error.message === 'boom');
});
