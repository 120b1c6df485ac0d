// The page scripts are ES modules in plain `.js` files (the browser loads them with <script type="module">),
// but Node reads a `.js` file without a package.json "type" as CommonJS. Rather than add a package.json to
// the served static files, a load hook tells Node that the scripts under web/static are modules.
import { register } from 'node:module';

const STATIC = new URL('../../main/resources/web/static/', import.meta.url);

register('./page-modules-hook.mjs', import.meta.url, { data: { staticUrl: STATIC.href } });

/** Imports the page script `name` (e.g. "api.js") as the browser would. */
export function importPage(name) {
  return import(new URL(name, STATIC).href);
}
