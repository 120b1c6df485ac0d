// A small stand-in for the browser DOM: just the parts the page scripts use (elements with attributes,
// properties, children, text, class lists, focus, listeners, and simple selectors), so their logic can be
// tested in Node without a browser. The Selenium journey in e2e/ covers the real browser.

class TextNode {
  constructor(text) {
    this.nodeType = 3;
    this.parentNode = null;
    this.data = String(text);
  }

  get textContent() {
    return this.data;
  }

  set textContent(text) {
    this.data = String(text);
  }
}

class Element {
  constructor(document, tagName, namespaceURI) {
    this.nodeType = 1;
    this.ownerDocument = document;
    this.tagName = tagName.toUpperCase();
    this.localName = tagName;
    this.namespaceURI = namespaceURI || 'http://www.w3.org/1999/xhtml';
    this.attributes = new Map();
    this.childNodes = [];
    this.parentNode = null;
    this.dataset = {};
    this.hidden = false;
    this.disabled = false;
    this.isChecked = false;
    this.listeners = {};
    this.clientWidth = 0;
    const element = this;
    this.classList = {
      add: (...names) => { element.className = [...new Set([...element.classNames(), ...names])].join(' '); },
      remove: (...names) => { element.className = element.classNames().filter((n) => !names.includes(n)).join(' '); },
      contains: (name) => element.classNames().includes(name),
    };
  }

  classNames() {
    return (this.getAttribute('class') || '').split(/\s+/).filter(Boolean);
  }

  get id() { return this.getAttribute('id') || ''; }
  set id(value) { this.setAttribute('id', value); }
  get className() { return this.getAttribute('class') || ''; }
  set className(value) { this.setAttribute('class', value); }
  get type() { return this.getAttribute('type') || ''; }
  set type(value) { this.setAttribute('type', value); }
  get checked() { return this.isChecked; }

  /** Checking a radio button unchecks the others of its group, as in a browser. */
  set checked(value) {
    this.isChecked = Boolean(value);
    if (this.isChecked && this.type === 'radio') {
      for (const other of this.ownerDocument.querySelectorAll(`input[name="${this.getAttribute('name')}"]`)) {
        if (other !== this) other.isChecked = false;
      }
    }
  }

  get value() { return this.currentValue ?? this.getAttribute('value') ?? ''; }
  set value(value) { this.currentValue = String(value); }

  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  hasAttribute(name) { return this.attributes.has(name); }
  removeAttribute(name) { this.attributes.delete(name); }

  get children() { return this.childNodes.filter((node) => node.nodeType === 1); }
  get cells() { return this.children.filter((node) => node.tagName === 'TD' || node.tagName === 'TH'); }

  get textContent() { return this.childNodes.map((node) => node.textContent).join(''); }
  set textContent(text) { this.replaceChildren(...(text === '' || text == null ? [] : [String(text)])); }

  adopt(node) {
    const child = typeof node === 'string' ? new TextNode(node) : node;
    if (child.parentNode) {
      child.parentNode.childNodes = child.parentNode.childNodes.filter((other) => other !== child);
    }
    child.parentNode = this;
    return child;
  }

  appendChild(node) { this.childNodes.push(this.adopt(node)); return node; }
  append(...nodes) { nodes.forEach((node) => this.appendChild(node)); }
  prepend(...nodes) { this.childNodes.unshift(...nodes.map((node) => this.adopt(node))); }

  replaceChildren(...nodes) {
    this.childNodes.forEach((node) => { node.parentNode = null; });
    this.childNodes = [];
    this.append(...nodes);
  }

  focus() { this.ownerDocument.activeElement = this; }

  addEventListener(type, listener) { (this.listeners[type] ||= []).push(listener); }

  /** Fires `type` at this element and waits for the (async) listeners, as a test must. */
  async dispatch(type) {
    const event = { type, target: this, currentTarget: this, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    await Promise.all((this.listeners[type] || []).map((listener) => listener(event)));
    return event;
  }

  descendants() {
    return this.children.flatMap((child) => [child, ...child.descendants()]);
  }

  querySelectorAll(selector) {
    const parts = selector.trim().split(/\s+/).map(parseCompound);
    return this.descendants().filter((element) => matchesChain(element, parts, this));
  }

  querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }
}

function parseCompound(text) {
  const tests = [];
  const pattern = /^([a-zA-Z][\w-]*)|#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:="([^"]*)")?]|:(checked)/g;
  let match;
  let consumed = 0;
  while ((match = pattern.exec(text)) !== null && match[0] !== '') {
    const [, tag, id, className, attribute, value, pseudo] = match;
    if (tag) tests.push((e) => e.localName === tag);
    if (id) tests.push((e) => e.id === id);
    if (className) tests.push((e) => e.classList.contains(className));
    if (attribute) tests.push((e) => e.hasAttribute(attribute) && (value === undefined || e.getAttribute(attribute) === value));
    if (pseudo) tests.push((e) => e.checked === true);
    consumed += match[0].length;
  }
  if (consumed !== text.length) {
    throw new Error(`the DOM stand-in does not understand the selector "${text}"`);
  }
  return (element) => tests.every((test) => test(element));
}

function matchesChain(element, parts, scope) {
  if (!parts[parts.length - 1](element)) return false;
  let ancestor = element.parentNode;
  for (let i = parts.length - 2; i >= 0; i--) {
    while (ancestor && ancestor !== scope && !parts[i](ancestor)) ancestor = ancestor.parentNode;
    if (!ancestor || ancestor === scope) return false;
    ancestor = ancestor.parentNode;
  }
  return true;
}

export class Document {
  constructor() {
    this.cookie = '';
    this.activeElement = null;
    this.visibilityState = 'visible';
    this.documentElement = this.createElement('html');
    this.body = this.createElement('body');
    this.documentElement.appendChild(this.body);
  }

  createElement(tag) { return new Element(this, tag); }
  createElementNS(namespace, tag) { return new Element(this, tag, namespace); }
  createTextNode(text) { return new TextNode(text); }
  getElementById(id) { return this.documentElement.descendants().find((element) => element.id === id) || null; }
  querySelectorAll(selector) { return this.documentElement.querySelectorAll(selector); }
  querySelector(selector) { return this.documentElement.querySelector(selector); }

  /**
   * Builds an element: h('input', {id: 'bpm', hidden: true, value: '150'}, child, …). Properties the scripts
   * read as properties (hidden, checked, disabled, clientWidth) are set as such, the rest as attributes (an
   * input's value attribute is its value until the value is set, as in a browser).
   */
  h(tag, props, ...children) {
    const element = this.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (['hidden', 'checked', 'disabled', 'clientWidth'].includes(key)) {
        element[key] = value;
      } else {
        element.setAttribute(key, value);
      }
    }
    element.append(...children);
    return element;
  }
}

/**
 * Installs a fresh document, window and sessionStorage as globals (what the page scripts use) and returns
 * them; `location` records assign/reload instead of navigating.
 */
export function installBrowser({ search = '', pathname = '/' } = {}) {
  const document = new Document();
  const navigations = [];
  const window = {
    location: {
      search,
      pathname,
      assign: (url) => navigations.push(['assign', url]),
      reload: () => navigations.push(['reload']),
    },
    crypto: globalThis.crypto,
  };
  const store = new Map();
  const sessionStorage = {
    getItem: (key) => (store.has(key) ? store.get(key) : null),
    setItem: (key, value) => store.set(key, String(value)),
    removeItem: (key) => store.delete(key),
  };
  Object.assign(globalThis, { document, window, sessionStorage });
  return { document, window, sessionStorage, navigations };
}

/**
 * Replaces fetch with `respond(url, init)`, which returns {status, body} (body: an object sent as JSON, a
 * string sent as is) or throws to act as a network failure. Returns the list of calls made.
 */
export function installFetch(respond) {
  const calls = [];
  globalThis.fetch = async (url, init) => {
    calls.push({ url, ...init, headers: { ...(init || {}).headers } });
    const { status = 200, body } = await respond(url, init);
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    return { ok: status >= 200 && status < 300, status, text: async () => text };
  };
  return calls;
}
