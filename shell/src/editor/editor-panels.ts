import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Editor } from '@tiptap/core';
import { editorText, type Language } from './editor-labels.js';
import { EMOJIS } from './extensions/emoji.js';
import { focusedChain } from './focused-chain.js';

/** One input of a form panel. */
export interface FormField {
  name: string;
  label: string;
  type: 'text' | 'url' | 'number' | 'checkbox' | 'file';
  /** For a file: the kinds of file offered (`image/*`). */
  accept?: string;
  value?: string | boolean;
  required?: boolean;
  min?: number;
  max?: number;
}

/** A small form under the toolbar; `submit` returns the message that refuses the values, or null when done. */
export interface FormPanel {
  kind: 'form';
  id: string;
  title: string;
  fields: FormField[];
  submitLabel: string;
  /** A file field gives the chosen File (or null); the answer may wait for an upload. */
  submit(values: Record<string, string | boolean | File | null>): string | null | Promise<string | null>;
}

/** What opens under the toolbar. */
export type Panel = { kind: 'colours'; target: 'text' | 'background' } | { kind: 'emoji' } | FormPanel;

/** What a panel acts on, and how it closes. */
export interface PanelContext {
  editor: Editor;
  language: Language;
  /** The last refusal of a form panel. */
  error: string;
  setError(message: string): void;
  /** Closes the panel; the focus goes back to the toolbar button unless a command already moved it to the text. */
  close(backToToolbar: boolean): void;
}

type Colour = { value: string; fr: string; en: string };

// Dark enough on white (text), light enough under black text (background): every pair passes WCAG AA.
const TEXT_COLOURS: Colour[] = [
  { value: '#000000', fr: 'Noir', en: 'Black' },
  { value: '#4a5263', fr: 'Gris', en: 'Grey' },
  { value: '#c0392b', fr: 'Rouge', en: 'Red' },
  { value: '#a84300', fr: 'Orange', en: 'Orange' },
  { value: '#1e7b34', fr: 'Vert', en: 'Green' },
  { value: '#1f5fbf', fr: 'Bleu', en: 'Blue' },
  { value: '#6f2da8', fr: 'Violet', en: 'Purple' },
  { value: '#b0246b', fr: 'Rose', en: 'Pink' },
];
const BACKGROUND_COLOURS: Colour[] = [
  { value: '#fff3a3', fr: 'Jaune', en: 'Yellow' },
  { value: '#d4f5d4', fr: 'Vert clair', en: 'Light green' },
  { value: '#d6e8ff', fr: 'Bleu clair', en: 'Light blue' },
  { value: '#ffd9e8', fr: 'Rose clair', en: 'Light pink' },
  { value: '#ffe0b3', fr: 'Orange clair', en: 'Light orange' },
  { value: '#e6e8ee', fr: 'Gris clair', en: 'Light grey' },
];

function onEscape(ctx: PanelContext) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    ctx.close(true);
  };
}

function colours(target: 'text' | 'background', ctx: PanelContext): TemplateResult {
  const { editor, language } = ctx;
  const t = (key: Parameters<typeof editorText>[0]) => editorText(key, language);
  const text = target === 'text';
  const pick = (value: string | null) => {
    const chain = focusedChain(editor);
    if (text) (value ? chain.setColor(value) : chain.unsetColor()).run();
    else (value ? chain.setHighlight({ color: value }) : chain.unsetHighlight()).run();
    ctx.close(false);
  };
  const title = t(text ? 'textColour' : 'backgroundColour');
  return html`<div class="panel" role="group" aria-label=${title} @keydown=${onEscape(ctx)}>
    <p class="panel-title">${title}</p>
    <div class="swatches">
      ${(text ? TEXT_COLOURS : BACKGROUND_COLOURS).map((colour) => html`<button type="button" class="swatch" aria-label=${colour[language]} title=${colour[language]}
        @click=${() => pick(colour.value)}><span aria-hidden="true" style=${styleMap({ background: colour.value })}></span></button>`)}
      <button type="button" class="text-button" @click=${() => pick(null)}>${t(text ? 'defaultColour' : 'noBackground')}</button>
      <button type="button" class="text-button" @click=${() => ctx.close(true)}>${t('close')}</button>
    </div>
  </div>`;
}

function emojis(ctx: PanelContext): TemplateResult {
  const title = editorText('emoji', ctx.language);
  return html`<div class="panel" role="group" aria-label=${title} @keydown=${onEscape(ctx)}>
    <p class="panel-title">${title}</p>
    <div class="swatches">
      ${EMOJIS.map((choice) => html`<button type="button" class="emoji" aria-label=${choice.label[ctx.language]} title=${choice.label[ctx.language]}
        @click=${() => { focusedChain(ctx.editor).insertEmoji(choice.name).run(); ctx.close(false); }}>${choice.emoji}</button>`)}
      <button type="button" class="text-button" @click=${() => ctx.close(true)}>${editorText('close', ctx.language)}</button>
    </div>
  </div>`;
}

function form(panel: FormPanel, ctx: PanelContext): TemplateResult {
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const values: Record<string, string | boolean | File | null> = {};
    for (const field of panel.fields) {
      const value = data.get(field.name);
      values[field.name] = field.type === 'checkbox' ? data.has(field.name)
        : field.type === 'file' ? (value instanceof File && value.size > 0 ? value : null)
        : String(value ?? '');
    }
    const refusal = await panel.submit(values);
    if (refusal) ctx.setError(refusal);
    else ctx.close(false);
  };
  const error = ctx.error;
  return html`<form class="panel" aria-labelledby="panel-title" novalidate @submit=${submit} @keydown=${onEscape(ctx)}>
    <p class="panel-title" id="panel-title">${panel.title}</p>
    ${panel.fields.map((field) => field.type === 'checkbox'
      ? html`<label class="check"><input type="checkbox" name=${field.name} ?checked=${field.value === true}> ${field.label}</label>`
      : field.type === 'file'
      ? html`<label class="field" for="field-${field.name}">${field.label}</label>
        <input id="field-${field.name}" name=${field.name} type="file" accept=${field.accept ?? nothing} aria-describedby="panel-error">`
      : html`<label class="field" for="field-${field.name}">${field.label}</label>
        <input id="field-${field.name}" name=${field.name} type=${field.type} .value=${String(field.value ?? '')} ?required=${!!field.required}
          min=${field.min ?? nothing} max=${field.max ?? nothing} aria-invalid=${error ? 'true' : 'false'} aria-describedby="panel-error">`)}
    <p id="panel-error" class="error" role="alert">${error}</p>
    <div class="actions">
      <button type="submit" class="text-button primary">${panel.submitLabel}</button>
      <button type="button" class="text-button" @click=${() => ctx.close(true)}>${editorText('close', ctx.language)}</button>
    </div>
  </form>`;
}

/** The panel's content. */
export function renderPanel(panel: Panel, ctx: PanelContext): TemplateResult {
  if (panel.kind === 'colours') return colours(panel.target, ctx);
  if (panel.kind === 'emoji') return emojis(ctx);
  return form(panel, ctx);
}
