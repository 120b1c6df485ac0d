// Home's library card: import the runner's Spotify library (Liked Songs and playlists), watch the import's progress
// (GET /api/library, polled while it runs), then the counts, where each track's tempo came from (GetSongBPM wants a
// visible backlink wherever its data is shown) and "Delete my library". Shown only to a signed-in runner.
import { api } from './api.js';

const POLL_MS = 1000;

function byId(id) {
  return document.getElementById(id);
}

function plural(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Draws the card for a GET /api/library answer; true while the import runs (poll again). */
export function renderLibrary(library) {
  const status = library.status || 'none';
  const progress = library.progress || { done: 0, total: 0 };
  const sources = library.sources || {};
  const line = byId('library-status');
  const bar = byId('library-progress');
  const importButton = byId('library-import');
  const hasLibrary = (library.tracks || 0) > 0;
  byId('library-progress-row').hidden = status !== 'running';
  importButton.disabled = status === 'running';
  importButton.textContent = hasLibrary || status === 'failed' ? 'Import my Spotify library again' : 'Import my Spotify library';
  byId('library-delete').hidden = !(hasLibrary || status === 'failed');
  if (status === 'running') {
    bar.setAttribute('max', String(Math.max(progress.total, 1)));
    bar.value = String(progress.done);
    line.textContent = progress.total > 0
      ? `Importing: ${progress.done.toLocaleString('en')} of ${plural(progress.total, 'track', 'tracks')} looked up…`
      : 'Importing: reading your Liked Songs and playlists…';
  } else if (status === 'failed') {
    line.textContent = `The import failed: ${library.error || 'unknown reason'}.`;
  } else if (status === 'done') {
    const skipped = library.playlistsSkipped > 0
      ? ` ${plural(library.playlistsSkipped, 'playlist', 'playlists')} could not be read (not yours, or refused by Spotify).` : '';
    line.textContent = `${plural(library.tracks, 'track', 'tracks')} in your library, ${library.withTempo.toLocaleString('en')} with a tempo.${skipped}`;
  } else {
    line.textContent = 'Import your Liked Songs and playlists to build runs from your own music.';
  }
  const shown = hasLibrary && status !== 'none';
  byId('library-sources').hidden = !shown;
  if (shown) {
    byId('library-source-reccobeats').textContent = (sources.reccobeats || 0).toLocaleString('en');
    byId('library-source-getsongbpm').textContent = (sources.getsongbpm || 0).toLocaleString('en');
    byId('library-source-none').textContent = (sources.none || 0).toLocaleString('en');
    byId('library-imported-at').textContent = library.importedAt ? new Date(library.importedAt).toLocaleString('en') : '';
  }
  return status === 'running';
}

/**
 * Starts the card for `runner` (null: signed out, the card stays hidden).
 * @param timer where the next poll is scheduled (tests pass their own)
 */
export async function startLibraryCard(runner, { timer = (fn, ms) => setTimeout(fn, ms) } = {}) {
  const card = byId('library');
  if (!card || !runner) {
    return;
  }
  const error = byId('library-error');
  const show = (message) => {
    error.textContent = message;
    error.hidden = !message;
  };
  let running = false;
  const refresh = async () => {
    try {
      running = renderLibrary(await api.get('/api/library'));
      show('');
      if (running) {
        timer(refresh, POLL_MS);
      }
    } catch (failure) {
      if (failure.status === 404) {
        card.hidden = true; // no library API in this deployment
        return;
      }
      show(failure.message);
      if (running) {
        timer(refresh, POLL_MS * 5); // the import goes on without us: look again a little later
      }
    }
  };
  byId('library-import').addEventListener('click', async () => {
    show('');
    byId('library-import').disabled = true;
    try {
      await api.post('/api/library/import');
      running = renderLibrary({ status: 'running', progress: { done: 0, total: 0 } });
      timer(refresh, POLL_MS);
    } catch (failure) {
      byId('library-import').disabled = false;
      show(failure.code === 'spotify_reconnect_required'
        ? 'Spotify needs you to sign in again to let us read your library: use "Sign in again" above.'
        : failure.message);
    }
  });
  byId('library-delete').addEventListener('submit', async (event) => {
    event.preventDefault();
    show('');
    try {
      await api.delete('/api/library');
      renderLibrary({ status: 'none', tracks: 0 });
    } catch (failure) {
      show(failure.message);
    }
  });
  card.hidden = false;
  await refresh();
}
