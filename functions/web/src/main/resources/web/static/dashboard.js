// Dashboard: the runner's current heart rate and suggested target tempo, and a chart of the latest samples
// over the heart-rate zones. Refreshes while the page is open, as webhook syncs (or a replay) add samples.
import { api, currentRunner } from './api.js';
import { drawChart } from './svg-chart.js';

const byId = (id) => document.getElementById(id);
const REFRESH_MS = 20000;
const ZONE_NAMES = ['Zone 1 · very light', 'Zone 2 · light', 'Zone 3 · moderate', 'Zone 4 · hard', 'Zone 5 · maximum'];
const SOURCES = {
  'google-health': 'from your Fitbit, through the Google Health API',
  manual: 'typed in by you',
  replay: 'replayed from a recorded run (demo)',
};

/** The runner's zones as the API computes them from their resting and maximum heart rate (none: no bands). */
export function zonesFrom(apiZones) {
  return (Array.isArray(apiZones) ? apiZones : []).map((zone) => ({
    from: Number(zone.fromBpm),
    to: Number(zone.toBpm),
    label: ZONE_NAMES[zone.zone - 1] || `Zone ${zone.zone}`,
    className: `zone-${Math.min(5, Math.max(1, zone.zone))}`,
  })).filter((zone) => Number.isFinite(zone.from) && Number.isFinite(zone.to));
}

function timeOfDay(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function showState(runner) {
  const heartRate = runner.heartRate || {};
  byId('current-bpm').textContent = heartRate.current ?? '–';
  byId('suggested-tempo').textContent = heartRate.suggestedTargetTempo ? Math.round(heartRate.suggestedTargetTempo) : '–';
  byId('resting-bpm').textContent = heartRate.resting ?? '–';
  byId('max-bpm').textContent = heartRate.max ?? '–';
  const when = heartRate.at ? ` Last sample at ${new Date(heartRate.at).toLocaleString()}.` : '';
  const source = runner.demo && heartRate.source === 'google-health'
    ? 'replayed from a recorded run through the Google Health webhook and sync (demo)'
    : SOURCES[heartRate.source] || '';
  byId('heart-source').textContent = heartRate.current
    ? `Heart rate ${source}.${when}`
    : 'No heart rate yet: connect Fitbit or type it on the home page.';
  const link = byId('build-at-tempo');
  if (heartRate.suggestedTargetTempo) {
    link.href = '/build?target=current';
    link.textContent = `Build a playlist at ${Math.round(heartRate.suggestedTargetTempo)} BPM`;
  }
}

async function showSamples() {
  const minutes = byId('window-minutes').value;
  const data = await api.get('/api/heart-rate?minutes=' + encodeURIComponent(minutes));
  const samples = ((data && data.samples) || [])
    .map((s) => ({ at: Date.parse(s.timestamp), bpm: Number(s.bpm) }))
    .filter((s) => Number.isFinite(s.at) && Number.isFinite(s.bpm))
    .sort((a, b) => a.at - b.at);
  const figure = byId('heart-chart');
  byId('heart-chart-empty').hidden = samples.length > 0;
  figure.hidden = samples.length === 0;
  if (samples.length === 0) {
    return;
  }
  const first = samples[0].at;
  const zones = zonesFrom(data.zones);
  const bpms = samples.map((s) => s.bpm);
  const low = Math.floor(Math.min(...bpms, ...zones.map((z) => z.from)) / 10) * 10;
  const high = Math.ceil(Math.max(...bpms, ...zones.map((z) => z.to)) / 10) * 10;
  const span = Math.max(1, (samples[samples.length - 1].at - first) / 60000);
  drawChart(figure, {
    title: 'Heart rate, latest samples',
    description: `${samples.length} samples from ${timeOfDay(first)} to ${timeOfDay(samples[samples.length - 1].at)}, between ${Math.min(...bpms)} and ${Math.max(...bpms)} bpm; the latest is ${bpms[bpms.length - 1]} bpm.`,
    x: { min: 0, max: span, label: 'Time', format: (m) => timeOfDay(first + m * 60000) },
    y: { min: low, max: high, label: 'Heart rate (bpm)' },
    bands: zones,
    series: [{ type: 'line', className: 'heart-rate', key: 'heart-rate', label: 'Heart rate', points: samples.map((s) => [(s.at - first) / 60000, s.bpm]) }],
  });
}

const PROVIDER_NAMES = { spotify: 'Spotify', 'google-health': 'Fitbit (Google Health)' };

/** After a sign-in or connect, the auth function sends the browser here with what happened. */
function showConnectOutcome() {
  const params = new URLSearchParams(window.location.search);
  const box = byId('connect-message');
  if (params.has('connected')) {
    box.textContent = `${PROVIDER_NAMES[params.get('connected')] || params.get('connected')} is connected.`;
    box.hidden = false;
  } else if (params.has('connect') && params.has('error')) {
    box.textContent = connectFailure(params.get('connect'), params.get('error'), params.get('missing') || '');
    box.classList.add('failed');
    box.hidden = false;
  }
}

/** What each scope lets us do, in a runner's words (the scopes the auth function asks for). */
const SCOPE_PURPOSES = {
  'playlist-modify-private': 'create your playlists',
  'playlist-modify-public': 'create public playlists',
  'playlist-read-private': 'read your playlists',
  'playlist-read-collaborative': 'read playlists you collaborate on',
  'user-library-read': 'read your Liked Songs',
  'user-read-private': 'know your Spotify account',
  'https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly': 'read your heart rate',
};

/** The auth function's error codes (docs/contracts.md, "Auth"); others are the provider's own, shown as they are. */
function connectFailure(providerId, error, missing) {
  const provider = PROVIDER_NAMES[providerId] || providerId;
  if (error === 'missing_scopes') {
    const needs = missing.split(' ').filter(Boolean).map((scope) => SCOPE_PURPOSES[scope] || scope).join(', ');
    return providerId === 'google-health'
      ? `Fitbit is not connected: Google did not give permission to ${needs || 'read your heart rate'}, so your heart rate could never arrive. Connect Fitbit again from the home page and leave heart rate ticked on Google's page.`
      : `You are not signed in: ${provider} did not give every permission Run to the Beats needs (to ${needs}). Sign in with Spotify again from the home page and accept them.`;
  }
  if (error === 'spotify_user_not_allowed') {
    return 'Spotify does not let this account use Run to the Beats yet: while the app is in Spotify\'s development mode, only accounts its owner has added (at most five) may sign in. Ask the owner to add your Spotify account, then sign in again.';
  }
  return `Connecting ${provider} did not work (${error.replace(/_/g, ' ')}). Try again from the home page.`;
}

export async function startDashboard(runnerPromise) {
  showConnectOutcome();
  let runner = await runnerPromise;
  if (!runner) {
    byId('dashboard-signed-out').hidden = false;
    return;
  }
  byId('dashboard').hidden = false;
  showState(runner);
  const refreshChart = () => showSamples().catch((error) => {
    byId('heart-chart-empty').hidden = false;
    byId('heart-chart-empty').textContent = 'The samples cannot be shown: ' + error.message;
  });
  byId('window-minutes').addEventListener('change', refreshChart);
  await refreshChart();
  setInterval(async () => {
    if (document.visibilityState !== 'visible') return;
    runner = (await currentRunner().catch(() => null)) || runner;
    showState(runner);
    await refreshChart();
  }, REFRESH_MS);
}
