import { html, nothing, type TemplateResult } from 'lit';
import { ICONS } from './editor-icons.js';
import type { ToolbarButton, ToolbarItem, ToolbarSelect } from './toolbar-items.js';

/** The toolbar's state kept by its host: which item the Tab key lands on (ARIA roving tabindex). */
export interface ToolbarState {
  label: string;
  focusId: string;
  setFocusId(id: string): void;
  /** A narrow editor (a phone): the essentials in one row, the rest behind "Plus". */
  compact?: boolean;
  /** "Plus" is open. */
  more?: boolean;
  moreLabel?: string;
  toggleMore?(): void;
}

/** What a phone's toolbar shows without "Plus": enough for a parent's short reply. */
const ESSENTIALS = ['bold', 'italic', 'bulletList', 'link', 'image'];

// The keys that move between items. Up and down are left to the selects, whose value they change.
const KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);

/** Arrow keys, Home and End move the focus along the toolbar (ARIA toolbar pattern); Tab leaves it. */
function moveFocus(event: KeyboardEvent): void {
  if (!KEYS.has(event.key)) return;
  const toolbar = event.currentTarget as HTMLElement;
  const items = [...toolbar.querySelectorAll<HTMLElement>('[data-item]:not(:disabled)')];
  const current = items.indexOf((event.target as HTMLElement).closest<HTMLElement>('[data-item]')!);
  if (current < 0) return;
  event.preventDefault();
  const last = items.length - 1;
  const next = event.key === 'Home' ? 0 : event.key === 'End' ? last
    : event.key === 'ArrowRight' ? (current === last ? 0 : current + 1) : (current === 0 ? last : current - 1);
  items[next]!.focus();
}

function button(item: ToolbarButton, state: ToolbarState, tabindex: number): TemplateResult {
  const title = item.shortcut ? `${item.label} (${item.shortcut})` : item.label;
  return html`<button type="button" class="tool" data-item=${item.id} tabindex=${tabindex}
    aria-label=${item.label} title=${title}
    aria-pressed=${item.pressed === undefined ? nothing : String(item.pressed)}
    aria-expanded=${item.expanded === undefined ? nothing : String(item.expanded)}
    aria-disabled=${item.disabled ? 'true' : nothing}
    @focus=${() => state.setFocusId(item.id)}
    @mousedown=${(event: MouseEvent) => event.preventDefault()}
    @click=${() => { if (!item.disabled) item.run(); }}
  ><span aria-hidden="true" class="icon icon-${item.id}">${ICONS[item.id] ?? item.icon}</span></button>`;
}

function select(item: ToolbarSelect, state: ToolbarState, tabindex: number): TemplateResult {
  return html`<select class="tool" data-item=${item.id} tabindex=${tabindex} aria-label=${item.label} title=${item.label}
    ?disabled=${!!item.disabled}
    @focus=${() => state.setFocusId(item.id)}
    @change=${(event: Event) => item.change((event.target as HTMLSelectElement).value)}
  >${item.options.map((option) => html`<option value=${option.value} .selected=${option.value === item.value}>${option.label}</option>`)}</select>`;
}

/** The toolbar: groups of buttons and selects, one tab stop, labels in `aria-label` and `title`. */
export function renderToolbar(allGroups: ToolbarItem[][], state: ToolbarState): TemplateResult {
  let groups = allGroups;
  let more: TemplateResult | typeof nothing = nothing;
  if (state.compact) {
    const essentials = allGroups.flat().filter((item) => ESSENTIALS.includes(item.id));
    const rest = allGroups.map((group) => group.filter((item) => !ESSENTIALS.includes(item.id))).filter((group) => group.length > 0);
    groups = [essentials, ...(state.more ? rest : [])];
    more = html`<button type="button" class="tool more" data-item="more" tabindex=${state.focusId === 'more' ? 0 : -1}
      aria-expanded=${String(!!state.more)} @focus=${() => state.setFocusId('more')}
      @mousedown=${(event: MouseEvent) => event.preventDefault()} @click=${() => state.toggleMore?.()}>${state.moreLabel}</button>`;
  }
  const ids = [...groups.flat().filter((item) => !(item.type === 'select' && item.disabled)).map((item) => item.id), ...(state.compact ? ['more'] : [])];
  const focusId = ids.includes(state.focusId) ? state.focusId : ids[0];
  const items = (group: ToolbarItem[]) => group.map((item) => {
    const tabindex = item.id === focusId ? 0 : -1;
    return item.type === 'select' ? select(item, state, tabindex) : button(item, state, tabindex);
  });
  if (state.compact) {
    const [first, ...others] = groups;
    return html`<div class="toolbar compact" role="toolbar" aria-label=${state.label} @keydown=${moveFocus}>
      <span class="group essentials">${items(first ?? [])}${more}</span>
      ${others.map((group) => html`<span class="group">${items(group)}</span>`)}
    </div>`;
  }
  return html`<div class="toolbar" role="toolbar" aria-label=${state.label} @keydown=${moveFocus}>
    ${groups.map((group) => html`<span class="group">${items(group)}</span>`)}
  </div>`;
}
