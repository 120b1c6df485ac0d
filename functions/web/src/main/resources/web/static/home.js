// Home: sign in with Spotify, connect Fitbit, or type a heart rate and go on to build a playlist.
import { api } from './api.js';
import { startLibraryCard } from './library.js';
import { clearErrors, readWholeNumber, showFieldError, showFormError } from './form-errors.js';

function describeLinks(runner) {
  const spotify = (runner.links || {}).spotify || {};
  const health = (runner.links || {})['google-health'] || {};
  // The runner API names link states like the core enum (CONNECTED, RECONNECT_REQUIRED, …).
  const spotifyStatus = String(spotify.status || '').toLowerCase();
  const healthStatus = String(health.status || '').toLowerCase();
  const spotifyLine = document.getElementById('spotify-status');
  const signIn = document.getElementById('spotify-sign-in');
  if (spotifyStatus === 'connected' || runner.demo) {
    spotifyLine.textContent = spotify.dryRun
      ? `Signed in as ${runner.displayName || runner.runnerId}. Publishing is a dry run here: the playlist is written to a file, not sent to Spotify.`
      : `Signed in as ${runner.displayName || runner.runnerId}.`;
    signIn.textContent = 'Sign in again';
    signIn.classList.add('secondary');
  } else if (spotifyStatus.startsWith('reconnect')) {
    spotifyLine.textContent = 'Spotify asks you to sign in again (access ends six months after you agreed).';
  }
  const fitbitStatus = document.getElementById('fitbit-status');
  if (healthStatus === 'connected') {
    fitbitStatus.textContent = 'Fitbit is connected: your heart rate arrives after every sync.';
    document.getElementById('fitbit-connect').textContent = 'See my heart rate';
    document.getElementById('fitbit-connect').setAttribute('href', '/dashboard');
    document.getElementById('fitbit-disconnect').hidden = false;
  }
  const heartRate = runner.heartRate || {};
  if (heartRate.current) {
    const input = document.getElementById('heart-rate');
    if (!input.value) {
      input.value = heartRate.current;
    }
  }
}

export async function startHome(runnerPromise) {
  const form = document.getElementById('heart-rate-form');
  const input = document.getElementById('heart-rate');
  const submit = document.getElementById('heart-rate-submit');
  let runner = null;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const bpm = readWholeNumber(input, 'your heart rate', 30, 230);
    if (bpm.error) {
      showFieldError(input, bpm.error);
      return;
    }
    submit.disabled = true;
    try {
      // Signed in: remember it for the dashboard and the "current" target. Not signed in: still useful.
      if (runner) {
        await api.post('/api/heart-rate', { bpm: bpm.value });
      }
      window.location.assign('/build?heartRate=' + bpm.value);
    } catch (error) {
      if (error.field === 'bpm') {
        showFieldError(input, error.message);
      } else if (error.status === 401 || error.status === 404) {
        window.location.assign('/build?heartRate=' + bpm.value);
      } else {
        showFormError(form, error.message);
      }
    } finally {
      submit.disabled = false;
    }
  });

  document.getElementById('fitbit-disconnect').addEventListener('submit', async (event) => {
    event.preventDefault();
    const disconnectForm = event.currentTarget;
    try {
      const result = await api.post('/auth/google-health/disconnect');
      if (result && result.revokedAtProvider === false) {
        // Our copy is gone, but Google may still list the app: say so instead of reloading the message away.
        disconnectForm.hidden = true;
        const connect = document.getElementById('fitbit-connect');
        connect.textContent = 'Connect Fitbit';
        connect.setAttribute('href', '/auth/google-health/start');
        document.getElementById('fitbit-status').textContent = 'Fitbit is disconnected and your heart-rate data is '
          + 'deleted here. Google could not confirm that our access ended: to be sure, remove Run to the Beats under '
          + 'third-party apps & services in your Google Account.';
        return;
      }
      window.location.reload();
    } catch (error) {
      showFormError(disconnectForm, error.message);
    }
  });

  runner = await runnerPromise;
  if (runner) {
    describeLinks(runner);
    await Promise.all([showBans(), startLibraryCard(runner)]);
  }
}

// "Never play this" bans, each undoable. Listed only for a signed-in runner (bans are kept per account).
export async function showBans() {
  const section = document.getElementById('bans');
  const list = document.getElementById('bans-list');
  if (!section || !list) {
    return;
  }
  let bans;
  try {
    bans = (await api.get('/api/bans')).bans || [];
  } catch (error) {
    return; // not signed in, or no bans in this deployment: nothing to list
  }
  section.hidden = false;
  document.getElementById('bans-empty').hidden = bans.length > 0;
  list.replaceChildren(...bans.map((ban) => {
    const item = document.createElement('li');
    const undo = Object.assign(document.createElement('button'), { type: 'button', className: 'link-button', textContent: 'Undo' });
    undo.setAttribute('aria-label', `Play ${ban.name} again`);
    undo.addEventListener('click', async () => {
      undo.disabled = true;
      try {
        await api.delete('/api/bans?songKey=' + encodeURIComponent(ban.songKey));
        await showBans();
      } catch (error) {
        undo.disabled = false;
        item.append(' ', error.message);
      }
    });
    item.append(`${ban.name} — ${ban.artist} `, undo);
    return item;
  }));
}
