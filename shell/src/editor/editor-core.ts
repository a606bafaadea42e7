import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext } from '@preau/sdk/web';
import { Editor } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import { editorExtensions } from './editor-extensions.js';
import { onEditorExtensionsChanged, type EditorHandle } from './editor-extension-registry.js';
import { editorText, type EditorLabelKey, type Language } from './editor-labels.js';
import { renderPanel, type Panel } from './editor-panels.js';
import { editorStyles } from './editor-styles.js';
import { renderToolbar } from './editor-toolbar.js';
import { imageDescriptionPanel, insertFormulaPanel } from './form-panels.js';
import { cleanOfficeHtml, hasEmbeddedImages, htmlHasEmbeddedImages } from './paste-cleaning.js';
import { picturesIn, uploadPicture } from './picture-upload.js';
import { toolbarGroups } from './toolbar-items.js';
import { focusedChain } from './focused-chain.js';

// Source view: one block per line, so that a teacher can find their way in it.
const formatSource = (html: string) => html.replace(/(<\/(?:p|h2|h3|li|ul|ol|blockquote|table|tr|div)>|<hr>|<audio[^>]*><\/audio>)/g, '$1\n').trim();

/**
 * The editor itself, loaded on demand by `<preau-editor>` (which carries the form association and the events):
 * TipTap in a shadow root, the toolbar, the panels it opens, the HTML source view and the alert region.
 */
/** On a screen narrower than this (px) the toolbar keeps the essentials in one row and the rest behind "Plus". */
const COMPACT_WIDTH = 560;

export class PreauEditorView extends LitElement {
  static override properties = {
    label: {},
    placeholder: {},
    language: {},
    disabled: { type: Boolean },
    revision: { state: true },
    panel: { state: true },
    panelError: { state: true },
    source: { state: true },
    alertMessage: { state: true },
    statusMessage: { state: true },
    focusId: { state: true },
    compact: { state: true },
    more: { state: true },
  };
  static override styles = editorStyles;

  label = '';
  placeholder = '';
  language: Language = 'fr';
  disabled = false;
  revision = 0;
  panel: Panel | null = null;
  panelError = '';
  panelOpener: string | null = null;
  source = false;
  sourceText = '';
  alertMessage = '';
  statusMessage = '';
  focusId = 'undo';
  /** Narrower than a tablet: the phone's toolbar (see `renderToolbar`). */
  compact = false;
  more = false;
  // The phone's screen, not the editor's box: on a desktop an editor in a narrow column keeps every tool at hand.
  private phone = matchMedia(`(max-width: ${COMPACT_WIDTH - 1}px)`);
  private followPhone = (): void => {
    this.compact = this.phone.matches;
  };

  private editor?: Editor;
  private content = '';
  private focusPanel = false;
  private stopListening?: () => void;
  // The shell's API client (with the session's CSRF token): pasted and dropped pictures go to the user's storage.
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });

  /** The content as schema HTML, '' when empty. */
  get html(): string {
    if (!this.editor) return this.content;
    return this.editor.isEmpty ? '' : this.editor.getHTML();
  }

  set html(value: string) {
    this.content = value;
    if (!this.editor || value === this.html) return;
    this.editor.commands.setContent(value || '', { emitUpdate: false });
    if (this.source) this.sourceText = formatSource(this.html);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopListening = onEditorExtensionsChanged(() => (this.revision += 1));
    this.phone.addEventListener('change', this.followPhone);
    this.followPhone();
    if (this.hasUpdated && !this.editor) this.mount();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
    this.phone.removeEventListener('change', this.followPhone);
    this.content = this.html;
    this.editor?.destroy();
    this.editor = undefined;
  }

  protected override firstUpdated(): void {
    this.mount();
  }

  private mount(): void {
    const surface = this.renderRoot.querySelector<HTMLElement>('.surface')!;
    this.editor = new Editor({
      element: surface,
      extensions: editorExtensions({
        placeholder: () => this.placeholder,
        editFormula: (kind, latex, pos) => this.editor && this.openPanel(insertFormulaPanel(this.editor, this.language, { kind, latex, pos }), 'formula'),
      }),
      content: this.content,
      editable: !this.disabled,
      injectCSS: false,
      editorProps: {
        attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': this.label },
        transformPastedHTML: cleanOfficeHtml,
        handlePaste: (_view: EditorView, event: ClipboardEvent) => this.takePictures(event.clipboardData),
        handleDrop: (_view: EditorView, event: DragEvent) => this.takePictures(event.dataTransfer),
      },
      onUpdate: () => this.dispatchEvent(new Event('preau-editor-update')),
      onTransaction: () => (this.revision += 1),
    });
    this.revision += 1;
  }

  /**
   * Pictures pasted or dropped (a screenshot, a photo, Word's embedded images) go to the user's storage and come
   * back as images of the text, at the cursor. When they came alone the paste or drop stops here (true);
   * otherwise its text goes in as usual (the image node only accepts the platform's and https sources). Without
   * the shell's API (an editor outside Préau) they are refused with a message.
   */
  private takePictures(data: DataTransfer | null): boolean {
    if (!data || !hasEmbeddedImages(data)) return false;
    const alone = !data.getData('text/html') && !data.getData('text/plain');
    const api = this.api.value;
    if (!api) {
      this.alertMessage = this.t('embeddedImage');
      return alone;
    }
    this.statusMessage = this.t('pictureUploading');
    void picturesIn(data)
      .then(async (files) => {
        let last: string | undefined;
        for (const file of files) {
          const picture = await uploadPicture(api, file);
          if (this.editor) focusedChain(this.editor).setImage({ src: picture.src, alt: '' }).run();
          last = picture.src;
        }
        this.statusMessage = files.length ? this.t('pictureAdded') : '';
        // Then its description is asked for, as the image button asks for it.
        const pos = last === undefined ? undefined : this.imagePosition(last);
        if (this.editor && pos !== undefined) this.openPanel(imageDescriptionPanel(this.editor, this.language, pos), 'image');
      })
      .catch((error: unknown) => {
        this.statusMessage = '';
        this.alertMessage = `${this.t('pictureFailed')}${this.language === 'fr' ? ' : ' : ': '}${error instanceof ApiError ? error.message : String(error)}`;
      });
    return alone;
  }

  /** Where the image of `src` is in the document. */
  private imagePosition(src: string): number | undefined {
    let found: number | undefined;
    this.editor?.state.doc.descendants((node, pos) => {
      if (node.type.name === 'image' && node.attrs.src === src) found = pos;
      return found === undefined;
    });
    return found;
  }

  private t(key: EditorLabelKey): string {
    return editorText(key, this.language);
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('label')) this.editor?.view.dom.setAttribute('aria-label', this.label);
    if (changed.has('disabled')) this.editor?.setEditable(!this.disabled, false);
    if (this.focusPanel) {
      this.focusPanel = false;
      this.renderRoot.querySelector<HTMLElement>('.panel input, .panel button')?.focus();
    }
  }

  private openPanel(panel: Panel, opener: string): void {
    if (this.panelOpener === opener && this.panel) {
      this.closePanel(true);
      return;
    }
    this.panel = panel;
    this.panelOpener = opener;
    this.panelError = '';
    this.focusPanel = true;
  }

  private closePanel(backToToolbar: boolean): void {
    const opener = this.panelOpener;
    if (!this.panel) return;
    this.panel = null;
    this.panelOpener = null;
    this.panelError = '';
    if (backToToolbar && opener) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-item="${opener}"]`)?.focus());
    else if (!backToToolbar) this.editor?.view.focus();
  }

  private toggleSource(): void {
    this.closePanel(false);
    this.source = !this.source;
    if (this.source) this.sourceText = formatSource(this.html);
    void this.updateComplete.then(() => (this.source ? this.renderRoot.querySelector('textarea')?.focus() : this.editor?.view.focus()));
  }

  // What is typed in the source goes through TipTap's parser at once: the document, and so the value, can only
  // ever hold what the schema allows (a <script> or an onerror attribute has nowhere to go).
  private sourceInput(event: Event): void {
    this.sourceText = (event.target as HTMLTextAreaElement).value;
    if (htmlHasEmbeddedImages(this.sourceText)) this.alertMessage = this.t('embeddedImage');
    this.editor?.commands.setContent(this.sourceText, { emitUpdate: true });
  }

  private handle(): EditorHandle {
    return {
      insertHTML: (content) => void (this.editor && focusedChain(this.editor).insertContent(content).run()),
      selectedText: () => {
        if (!this.editor) return '';
        const { from, to } = this.editor.state.selection;
        return this.editor.state.doc.textBetween(from, to, ' ');
      },
      getHTML: () => this.html,
      focus: () => this.editor?.view.focus(),
      alert: (message) => (this.alertMessage = message),
    };
  }

  override render() {
    const editor = this.editor;
    return html`<div class="frame">
      ${editor ? renderToolbar(
        toolbarGroups({
          editor,
          language: this.language,
          source: this.source,
          disabled: this.disabled,
          openPanelId: this.panel ? this.panelOpener : null,
          openPanel: (panel, opener) => this.openPanel(panel, opener),
          ...(this.api.value ? { uploadPicture: (file: File) => uploadPicture(this.api.value!, file) } : {}),
          toggleSource: () => this.toggleSource(),
          handle: () => this.handle(),
        }),
        { label: this.t('toolbar'), focusId: this.focusId, setFocusId: (id) => (this.focusId = id),
          compact: this.compact, more: this.more, moreLabel: this.t('more'), toggleMore: () => (this.more = !this.more) },
      ) : nothing}
      ${this.panel && editor ? renderPanel(this.panel, {
        editor,
        language: this.language,
        error: this.panelError,
        setError: (message) => (this.panelError = message),
        close: (backToToolbar) => this.closePanel(backToToolbar),
      }) : nothing}
      <p class="status" role="status">${this.statusMessage}</p>
      <div class="alert" role="alert">${this.alertMessage ? html`<p>${this.alertMessage}</p>
        <button type="button" @click=${() => (this.alertMessage = '')}>${this.t('closeMessage')}</button>` : nothing}</div>
      <div class="surface" ?hidden=${this.source}></div>
      ${this.source ? html`<label class="source-label" for="source">${this.t('source')} — ${this.label}</label>
        <textarea id="source" spellcheck="false" .value=${this.sourceText} @input=${this.sourceInput}></textarea>` : nothing}
    </div>`;
  }
}
customElements.define('preau-editor-view', PreauEditorView);

declare global {
  interface HTMLElementTagNameMap {
    'preau-editor-view': PreauEditorView;
  }
}
