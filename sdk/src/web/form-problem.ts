import { fieldProblemText, type FieldProblemKind } from '../field-problems.js';
import type { Language } from '../localized-text.js';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What the form calls a control: its label's own text (not a select's options), else its `aria-label`. */
function labelOf(control: Control): string {
  const label = control.labels?.[0];
  if (label) {
    const copy = label.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('input, select, textarea, button, option').forEach((element) => element.remove());
    const text = copy.textContent?.replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return control.getAttribute('aria-label') ?? control.name;
}

function problemOf(control: Control): { kind: FieldProblemKind; limit?: number | string } | null {
  const v = control.validity;
  // The server trims texts: a title of spaces is as empty there as here.
  if (v.valueMissing || (control.required && 'value' in control && control.type !== 'checkbox' && control.value.trim() === '')) return { kind: 'required' };
  if (v.tooShort) return { kind: 'tooShort', limit: (control as HTMLInputElement).minLength };
  if (v.tooLong) return { kind: 'tooLong', limit: (control as HTMLInputElement).maxLength };
  if (v.rangeUnderflow) return { kind: 'tooSmall', limit: (control as HTMLInputElement).min };
  if (v.rangeOverflow) return { kind: 'tooLarge', limit: (control as HTMLInputElement).max };
  if (v.typeMismatch) return { kind: control.type === 'email' ? 'notAnEmail' : control.type === 'url' ? 'notAnAddress' : 'badFormat' };
  if (v.patternMismatch) return { kind: 'badFormat' };
  if (v.badInput) return { kind: control.type === 'number' ? 'notANumber' : control.type.startsWith('date') || control.type === 'time' ? 'notADate' : 'invalid' };
  if (!v.valid) return { kind: 'invalid' };
  return null;
}

/**
 * One sentence about a field, in the interface's language, in the same words the server uses: for the checks
 * a form makes beyond its controls' own constraints (at least one recipient ticked, two choices…).
 */
export function fieldProblem(kind: FieldProblemKind, label: string, language: Language, limit?: number | string): string {
  return fieldProblemText(kind, { fr: label, en: label }, limit)[language];
}

/**
 * Checks a form before it is sent. The first control whose constraints (`required`, `maxlength`, `type`…) fail is
 * marked `aria-invalid` and focused, and the sentence naming it as its label does is returned, in the interface's
 * language (the browser's own bubble speaks the browser's, and forms set `novalidate` to silence it); '' when
 * every control is fine.
 */
export function formProblem(form: HTMLFormElement, language: Language): string {
  let first = '';
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
    if (element.disabled || !element.willValidate) continue;
    const problem = problemOf(element);
    if (problem) element.setAttribute('aria-invalid', 'true');
    else element.removeAttribute('aria-invalid');
    if (problem && !first) {
      first = fieldProblem(problem.kind, labelOf(element), language, problem.limit);
      element.focus();
    }
  }
  return first;
}
