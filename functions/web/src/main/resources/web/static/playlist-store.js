// The last built playlist, kept in the tab's session storage so the result page can show it after the
// build page navigates there (and after a reload). The idempotency key is made once per playlist so that
// pressing "Publish" twice, or a retry after a dropped connection, never creates two Spotify playlists.
const KEY = 'beats.lastPlaylist';

function newKey() {
  if (window.crypto && crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function savePlaylist(request, response) {
  sessionStorage.setItem(KEY, JSON.stringify({ request, response, builtAt: new Date().toISOString(), idempotencyKey: newKey() }));
}

export function loadPlaylist() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY));
    return saved && saved.response && Array.isArray(saved.response.tracks) ? saved : null;
  } catch (corrupt) {
    return null;
  }
}

export function rememberPublication(publication) {
  const saved = loadPlaylist();
  if (saved) {
    saved.publication = publication;
    sessionStorage.setItem(KEY, JSON.stringify(saved));
  }
}

// An edited playlist (a swapped track) is another playlist: it gets a new idempotency key, so publishing
// it never replays the publication of the one before.
export function replacePlaylist(response) {
  const saved = loadPlaylist();
  if (saved) {
    sessionStorage.setItem(KEY, JSON.stringify({ ...saved, response, idempotencyKey: newKey(), publication: undefined }));
  }
  return loadPlaylist();
}
