// The JSON API, same origin. Every state-changing request carries the CSRF token from the __Host-beats_csrf
// cookie in the X-CSRF-Token header (double submit); every failure becomes an ApiError with a message a
// person can read and, when the API names one, the field at fault.

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field || null;
  }
}

export function csrfToken() {
  const match = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('__Host-beats_csrf='));
  return match ? decodeURIComponent(match.substring('__Host-beats_csrf='.length)) : '';
}

const FRIENDLY = {
  401: 'You are not signed in. Sign in with Spotify on the home page, or type your heart rate there.',
  403: 'This request was refused. Reload the page and try again.',
  404: 'This part of the service is not available here.',
  429: 'Too many requests just now. Wait a moment and try again.',
};

async function request(method, path, body, extraHeaders) {
  const headers = { Accept: 'application/json', ...(extraHeaders || {}) };
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken();
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (networkFailure) {
    throw new ApiError(0, 'network', 'The service cannot be reached. Check that it is running and try again.');
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (notJson) {
      data = null;
    }
  }
  if (!response.ok) {
    const error = data && data.error ? data.error : {};
    const message = error.message || FRIENDLY[response.status]
      || `The service could not do that (HTTP ${response.status}). Please try again.`;
    throw new ApiError(response.status, error.code || 'http_' + response.status, message, error.field);
  }
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body, headers) => request('POST', path, body, headers),
  delete: (path) => request('DELETE', path),
};

/** The signed-in runner, or null when nobody is signed in or the runner API is not there. */
export async function currentRunner() {
  try {
    return await api.get('/api/me');
  } catch (error) {
    if (error.status === 401 || error.status === 404 || error.status === 0) {
      return null;
    }
    throw error;
  }
}
