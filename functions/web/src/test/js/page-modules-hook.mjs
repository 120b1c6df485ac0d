// Module load hook (runs off the main thread): scripts under web/static are ES modules.
let staticUrl = null;

export function initialize(data) {
  staticUrl = data.staticUrl;
}

export function load(url, context, nextLoad) {
  if (staticUrl && url.startsWith(staticUrl) && url.endsWith('.js')) {
    return nextLoad(url, { ...context, format: 'module' });
  }
  return nextLoad(url, context);
}
