// Entry point of every page: marks the current page in the navigation, shows the demo banner when the
// local demo is running, then starts the page's own script.
import { currentRunner } from './api.js';
import { startHome } from './home.js';
import { startDashboard } from './dashboard.js';
import { startBuild } from './build.js';
import { startResult } from './result.js';

const PAGES = { home: startHome, dashboard: startDashboard, build: startBuild, result: startResult };

function markCurrentPage() {
  const here = window.location.pathname.replace(/\/$/, '') || '/';
  for (const link of document.querySelectorAll('.site-header nav a')) {
    if (link.getAttribute('href') === here) {
      link.setAttribute('aria-current', 'page');
    }
  }
}

export function showDemoBanner(runner) {
  const banner = document.getElementById('demo-banner');
  if (!banner || !runner || !runner.demo) {
    return;
  }
  const parts = ['signed in as the local demo runner'];
  const heartRate = runner.heartRate || {};
  // In the local demo the only Google Health account is the stand-in that plays a recorded run.
  const health = String(((runner.links || {})['google-health'] || {}).status || '').toLowerCase();
  if (heartRate.source === 'replay' || health === 'connected') {
    parts.push('heart rate replayed from a recorded run');
  }
  const spotify = (runner.links || {}).spotify || {};
  if (spotify.dryRun !== false) {
    parts.push('publishing is a dry run (a file, nothing sent to Spotify)');
  }
  banner.textContent = 'Local demo: ' + parts.join(' · ') + '.';
  banner.hidden = false;
}

async function start() {
  markCurrentPage();
  const runnerPromise = currentRunner().catch(() => null);
  runnerPromise.then(showDemoBanner);
  const page = PAGES[document.body.dataset.page];
  if (page) {
    await page(runnerPromise);
  }
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  const main = document.getElementById('main');
  const message = document.createElement('p');
  message.className = 'error-summary';
  message.setAttribute('role', 'alert');
  message.textContent = 'This page could not start: ' + (error && error.message ? error.message : 'unknown problem') + '. Reload to try again.';
  main.prepend(message);
  document.body.dataset.ready = 'true';
});
