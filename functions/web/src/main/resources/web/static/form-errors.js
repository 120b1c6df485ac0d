// Shows an API error next to the field it names (or at the top of the form), so a person sees what to fix.

export function clearErrors(form) {
  for (const message of form.querySelectorAll('.field-error')) {
    message.hidden = true;
    message.textContent = '';
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
  }
  const summary = form.querySelector('.error-summary');
  if (summary) {
    summary.hidden = true;
    summary.textContent = '';
  }
}

/** Marks `input` invalid with `message` in its error element (id = input id + "-error"); focuses it. */
export function showFieldError(input, message) {
  input.setAttribute('aria-invalid', 'true');
  const holder = document.getElementById(input.id + '-error');
  if (holder) {
    holder.textContent = message;
    holder.hidden = false;
  }
  input.focus();
}

/** A message for the whole form, announced by screen readers. */
export function showFormError(form, message) {
  let summary = form.querySelector('.error-summary');
  if (!summary) {
    summary = document.createElement('p');
    summary.className = 'error-summary';
    summary.setAttribute('role', 'alert');
    form.prepend(summary);
  }
  summary.textContent = message;
  summary.hidden = false;
  summary.setAttribute('tabindex', '-1');
  summary.focus();
}

/** A whole number within [min, max], or an error message naming the limits. */
export function readWholeNumber(input, what, min, max) {
  const raw = input.value.trim();
  if (raw === '') {
    return { error: `Enter ${what}.` };
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || !/^\d+(\.\d+)?$/.test(raw)) {
    return { error: `${capitalise(what)} must be a number, like ${Math.round((min + max) / 2)}.` };
  }
  if (value < min || value > max) {
    return { error: `${capitalise(what)} must be between ${min} and ${max}.` };
  }
  return { value: Math.round(value) };
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
