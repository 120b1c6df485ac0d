import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser, installFetch } from './dom-stand-in.mjs';
import { importPage } from './page-modules.mjs';

// app.js starts the page as soon as it is imported, so the page it starts on is set up first.
const startPage = installBrowser({ pathname: '/dashboard/' });
{
  const h = startPage.document.h.bind(startPage.document);
  startPage.document.body.append(
    h('header', { class: 'site-header' }, h('nav', {}, h('a', { href: '/' }), h('a', { href: '/dashboard' }), h('a', { href: '/build' }))),
    h('p', { id: 'demo-banner', hidden: true }),
    h('main', { id: 'main' }),
  );
}
installFetch(() => ({ body: { runnerId: 'demo', demo: true, links: { spotify: { dryRun: true } } } }));
const { showDemoBanner } = await importPage('app.js');

test('on start the current page is marked in the navigation, the demo banner shown and the page marked ready', async () => {
  const { document } = startPage;
  while (document.body.dataset.ready !== 'true') await new Promise((resolve) => setImmediate(resolve));
  const marked = document.querySelectorAll('nav a').filter((a) => a.getAttribute('aria-current') === 'page');
  assert.deepEqual(marked.map((a) => a.getAttribute('href')), ['/dashboard']);
  assert.equal(document.getElementById('demo-banner').hidden, false);
});

function banner() {
  const { document } = installBrowser();
  const element = document.h('p', { id: 'demo-banner', hidden: true });
  document.body.append(element);
  return element;
}

test('the local demo banner says who you are, where the heart rate comes from and that publishing is a dry run', () => {
  const element = banner();
  showDemoBanner({ demo: true, heartRate: { source: 'replay' }, links: { spotify: { dryRun: true } } });
  assert.equal(element.hidden, false);
  assert.equal(element.textContent, 'Local demo: signed in as the local demo runner · heart rate replayed from a recorded run · '
    + 'publishing is a dry run (a file, nothing sent to Spotify).');
});

test('a demo with the Google Health stand-in connected also says the heart rate is replayed', () => {
  const element = banner();
  showDemoBanner({ demo: true, links: { 'google-health': { status: 'CONNECTED' }, spotify: { dryRun: false } } });
  assert.equal(element.textContent, 'Local demo: signed in as the local demo runner · heart rate replayed from a recorded run.');
});

test('a real runner, or nobody, sees no banner', () => {
  const element = banner();
  showDemoBanner({ demo: false, heartRate: { source: 'replay' } });
  showDemoBanner(null);
  assert.equal(element.hidden, true);
  assert.equal(element.textContent, '');
});
