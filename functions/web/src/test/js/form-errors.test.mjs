import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser } from './dom-stand-in.mjs';
import { importPage } from './page-modules.mjs';

const { clearErrors, showFieldError, showFormError, readWholeNumber } = await importPage('form-errors.js');

let document;
let form;
let input;
beforeEach(() => {
  ({ document } = installBrowser());
  const h = document.h.bind(document);
  input = h('input', { id: 'minutes' });
  form = h('form', { id: 'build-form' },
    h('div', { class: 'field' }, input, h('p', { id: 'minutes-error', class: 'field-error', hidden: true })),
    h('button', { type: 'submit' }));
  document.body.append(form);
});

test('a field error marks the input invalid, fills its own error element and focuses the input', () => {
  showFieldError(input, 'Enter the duration.');
  assert.equal(input.getAttribute('aria-invalid'), 'true');
  const holder = document.getElementById('minutes-error');
  assert.equal(holder.textContent, 'Enter the duration.');
  assert.equal(holder.hidden, false);
  assert.equal(document.activeElement, input);
});

test('a form error is announced in one summary at the top of the form, reused on the next error', () => {
  showFormError(form, 'The service could not do that.');
  const summary = form.childNodes[0];
  assert.equal(summary.className, 'error-summary');
  assert.equal(summary.getAttribute('role'), 'alert');
  assert.equal(summary.textContent, 'The service could not do that.');
  assert.equal(document.activeElement, summary);
  showFormError(form, 'Try again.');
  assert.equal(form.querySelectorAll('.error-summary').length, 1);
  assert.equal(summary.textContent, 'Try again.');
});

test('clearing hides every field message, the summary and the invalid marks', () => {
  showFieldError(input, 'Enter the duration.');
  showFormError(form, 'Something failed.');
  clearErrors(form);
  const holder = document.getElementById('minutes-error');
  assert.equal(holder.hidden, true);
  assert.equal(holder.textContent, '');
  assert.equal(input.hasAttribute('aria-invalid'), false);
  const summary = form.querySelector('.error-summary');
  assert.equal(summary.hidden, true);
  assert.equal(summary.textContent, '');
});

test('readWholeNumber accepts whole and decimal numbers within the limits, rounded', () => {
  const read = (value) => readWholeNumber(Object.assign(document.createElement('input'), { value }), 'the duration', 5, 240);
  assert.deepEqual(read(' 45 '), { value: 45 });
  assert.deepEqual(read('44.6'), { value: 45 });
  assert.deepEqual(read('5'), { value: 5 });
  assert.deepEqual(read('240'), { value: 240 });
  assert.deepEqual(read(''), { error: 'Enter the duration.' });
  assert.deepEqual(read('   '), { error: 'Enter the duration.' });
  assert.deepEqual(read('1e2'), { error: 'The duration must be a number, like 123.' });
  assert.deepEqual(read('-10'), { error: 'The duration must be a number, like 123.' });
  assert.deepEqual(read('forty'), { error: 'The duration must be a number, like 123.' });
  assert.deepEqual(read('4'), { error: 'The duration must be between 5 and 240.' });
  assert.deepEqual(read('240.4'), { error: 'The duration must be between 5 and 240.' });
});
