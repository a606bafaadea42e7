import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext, preauStyles } from '@preau/sdk/web';
import { texts, type TextKey } from './texts.js';
import { playerHtml, uploadInChunks, whenConverted, type MediaStatus, type Recording } from './upload.js';

type Step = 'permission' | 'ready' | 'recording' | 'review' | 'sending' | 'converting' | 'done';

const MIME_TYPES = {
  audio: ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg'],
  video: ['video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'],
};

const clock = (ms: number) => {
  const total = Math.floor(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};

/**
 * The recorder behind the editor's music and video buttons and the app's page: asks for the microphone (and
 * camera), records with a level meter, pause and a time limit, plays back, keeps a part (trim), re-records,
 * then uploads in resumable chunks and waits for the conversion. Made by `recordMedia`, removed once closed;
 * `result` resolves with the recording (or null when cancelled).
 */
export class MediaRecorderDialog extends LitElement {
  static override properties = {
    kind: {}, insert: { type: Boolean }, screen: { type: Boolean }, step: { state: true }, error: { state: true }, elapsed: { state: true },
    level: { state: true }, paused: { state: true }, previewUrl: { state: true }, sent: { state: true }, retrying: { state: true },
    trimStart: { state: true }, trimEnd: { state: true }, status: { state: true }, notice: { state: true }, earlier: { state: true },
  };
  static override styles = [preauStyles, css`
    dialog { width: min(36rem, 96vw); }
    video, audio { width: 100%; max-height: 50vh; background: #000; border-radius: var(--preau-radius, 8px); }
    audio { background: none; }
    .row { display: flex; flex-wrap: wrap; gap: var(--preau-space-2, 0.5rem); align-items: center; margin-block: var(--preau-space-2, 0.5rem); }
    .row label { flex: 1 1 10rem; }
    meter { width: 100%; height: 1rem; }
    .time { font-variant-numeric: tabular-nums; font-size: 1.25rem; }
    [role='alert'] { color: var(--preau-danger, #b3261e); }
    progress { width: 100%; }
  `];

  kind: 'audio' | 'video' = 'audio';
  /** A video of the screen (a teacher's explanation) with the microphone's sound, instead of the camera. */
  screen = false;
  /** True from an editor: the last button inserts the player. */
  insert = false;
  step: Step = 'permission';
  error = '';
  notice = '';
  elapsed = 0;
  level = 0;
  paused = false;
  previewUrl = '';
  sent = 0;
  retrying = false;
  trimStart = 0;
  trimEnd = 0;
  recordingName = '';
  /** The user's playable recordings of this kind, to insert one made earlier. */
  earlier: Recording[] = [];
  status?: MediaStatus;
  result: Promise<Recording | null>;
  private settle!: (recording: Recording | null) => void;
  private stream?: MediaStream;
  private recorder?: MediaRecorder;
  private chunks: Blob[] = [];
  private recorded?: Blob;
  private audioContext?: AudioContext;
  private frame = 0;
  private ticker = 0;
  private startedAt = 0;
  private recordedBefore = 0;
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  /** Recording the screen is for the staff's explanations, as the server says (the dialog sits outside the shell's user context). */
  private get mayRecordScreen(): boolean {
    return this.kind === 'video' && this.status?.mayRecordScreen === true;
  }

  constructor() {
    super();
    this.result = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  private t(key: TextKey): string {
    return texts.text(key, this.language.value ?? 'fr');
  }

  private get limitMs(): number {
    return ((this.kind === 'audio' ? this.status?.audioLimitSeconds : this.status?.videoLimitSeconds) ?? (this.kind === 'audio' ? 600 : 300)) * 1000;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector('dialog')!.showModal();
    void this.api.value?.get<MediaStatus>('/api/media/status').then((status) => (this.status = status), () => undefined);
    if (this.insert) {
      void this.api.value?.get<Recording[]>('/api/media/recordings')
        .then((all) => (this.earlier = all.filter((r) => r.kind === this.kind && r.src)), () => undefined);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.release();
  }

  private release(): void {
    cancelAnimationFrame(this.frame);
    clearInterval(this.ticker);
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = undefined;
    void this.audioContext?.close().catch(() => undefined);
    this.audioContext = undefined;
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
  }

  private async allow(): Promise<void> {
    this.error = '';
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
      this.error = this.t('unsupported');
      return;
    }
    try {
      this.stream = this.screen
        ? await this.screenStream()
        : await navigator.mediaDevices.getUserMedia(this.kind === 'video' ? { audio: true, video: { width: { ideal: 1280 }, height: { ideal: 720 } } } : { audio: true });
    } catch (error) {
      if (this.screen) {
        this.error = this.t((error as Error).message === 'unsupported' ? 'screenUnsupported' : 'screenRefused');
        return;
      }
      const name = (error as DOMException).name;
      this.error = this.t(name === 'NotAllowedError' || name === 'SecurityError' ? 'refused' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'noDevice' : name === 'NotReadableError' ? 'deviceBusy' : 'unsupported');
      return;
    }
    this.step = 'ready';
    await this.updateComplete;
    const live = this.renderRoot.querySelector<HTMLVideoElement>('video.live');
    if (live) live.srcObject = this.stream;
    this.meter();
  }

  /**
   * The screen (a window, a tab or the whole screen, as the teacher picks in the browser's own dialog) and the
   * microphone's sound over it; without a microphone, the screen alone. Stopping the share from the browser's bar
   * ends the recording as the stop button would.
   */
  private async screenStream(): Promise<MediaStream> {
    if (!navigator.mediaDevices.getDisplayMedia) throw new Error('unsupported');
    const display = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15 } }, audio: false });
    const voice = await navigator.mediaDevices.getUserMedia({ audio: true }).catch(() => null);
    const [screenTrack] = display.getVideoTracks();
    screenTrack?.addEventListener('ended', () => {
      if (this.step === 'recording') this.stop();
    });
    return new MediaStream([...display.getVideoTracks(), ...(voice?.getAudioTracks() ?? [])]);
  }

  /** The level meter: the loudness of the microphone, drawn each frame. */
  private meter(): void {
    if (!this.stream || this.stream.getAudioTracks().length === 0) return;
    this.audioContext = new AudioContext();
    const analyser = this.audioContext.createAnalyser();
    analyser.fftSize = 512;
    this.audioContext.createMediaStreamSource(this.stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const draw = () => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      // In twentieths: the element re-renders only when the meter visibly moves.
      const level = Math.round(Math.min(1, Math.sqrt(sum / samples.length) * 4) * 20) / 20;
      if (level !== this.level) this.level = level;
      this.frame = requestAnimationFrame(draw);
    };
    draw();
  }

  private record(): void {
    const stream = this.stream!;
    const mimeType = MIME_TYPES[this.kind].find((type) => MediaRecorder.isTypeSupported(type));
    this.recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
    this.chunks = [];
    this.recorder.ondataavailable = (event) => {
      if (event.data.size > 0) this.chunks.push(event.data);
    };
    this.recorder.onstop = () => this.review();
    this.recorder.start(1000);
    this.recordedBefore = 0;
    this.startedAt = performance.now();
    this.elapsed = 0;
    this.paused = false;
    this.notice = '';
    this.step = 'recording';
    this.ticker = window.setInterval(() => {
      if (this.paused) return;
      this.elapsed = this.recordedBefore + performance.now() - this.startedAt;
      if (this.elapsed >= this.limitMs) {
        this.notice = this.t('limitReached');
        this.stop();
      }
    }, 200);
  }

  private togglePause(): void {
    if (!this.recorder) return;
    if (this.paused) {
      this.recorder.resume();
      this.startedAt = performance.now();
      this.paused = false;
    } else {
      this.recorder.pause();
      this.recordedBefore += performance.now() - this.startedAt;
      this.paused = true;
    }
  }

  private stop(): void {
    clearInterval(this.ticker);
    // Nothing to measure while the recording is played back and trimmed.
    cancelAnimationFrame(this.frame);
    this.level = 0;
    if (!this.paused) this.elapsed = this.recordedBefore + performance.now() - this.startedAt;
    if (this.recorder?.state !== 'inactive') this.recorder?.stop();
  }

  private review(): void {
    this.recorded = new Blob(this.chunks, { type: this.recorder?.mimeType || (this.kind === 'audio' ? 'audio/webm' : 'video/webm') });
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.previewUrl = URL.createObjectURL(this.recorded);
    this.trimStart = 0;
    this.trimEnd = Math.round(this.elapsed / 100) / 10;
    this.recordingName = this.defaultName();
    this.step = 'review';
  }

  private rerecord(): void {
    this.recorded = undefined;
    this.step = 'ready';
    void this.updateComplete.then(() => {
      const live = this.renderRoot.querySelector<HTMLVideoElement>('video.live');
      if (live) live.srcObject = this.stream ?? null;
    });
    void this.audioContext?.close().catch(() => undefined);
    this.meter();
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const api = this.api.value!;
    const data = new FormData(event.target as HTMLFormElement);
    const name = String(data.get('name') ?? '').trim() || this.defaultName();
    const start = Number(data.get('trimStart') ?? 0);
    const end = Number(data.get('trimEnd') ?? 0);
    const full = this.elapsed / 1000;
    this.error = '';
    this.release();
    this.step = 'sending';
    this.sent = 0;
    try {
      let recording = await uploadInChunks(api, {
        kind: this.kind, name, blob: this.recorded!, chunkBytes: this.status?.chunkBytes ?? 4 * 1024 * 1024,
        ...(start > 0 ? { trimStartMs: Math.round(start * 1000) } : {}),
        ...(end > 0 && end < full - 0.05 ? { trimEndMs: Math.round(end * 1000) } : {}),
      }, (sent, retrying) => {
        this.sent = sent;
        this.retrying = retrying;
      });
      this.step = 'converting';
      recording = await whenConverted(api, recording.id, () => undefined);
      if (recording.status === 'failed') {
        this.error = recording.error ?? this.t('failed');
        this.step = 'done';
        return;
      }
      this.finish(recording);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
      this.step = 'done';
    }
  }

  private defaultName(): string {
    const lang = this.language.value ?? 'fr';
    return `${this.t('defaultName')} ${new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date())}`;
  }

  private finish(recording: Recording | null): void {
    this.release();
    this.renderRoot.querySelector('dialog')?.close();
    this.settle(recording);
    this.remove();
  }

  private body() {
    const limit = clock(this.limitMs);
    switch (this.step) {
      case 'permission':
        return html`<p>${this.t(this.screen ? 'screenExplained' : 'permissionExplained')}</p>
          <div class="row">
            <button class="primary" @click=${this.allow}>${this.t(this.screen ? 'allowScreen' : this.kind === 'audio' ? 'allowMicrophone' : 'allowCamera')}</button>
            ${this.mayRecordScreen && !this.screen ? html`<button @click=${() => { this.screen = true; void this.allow(); }}>🖥 ${this.t('recordScreen')}</button>` : nothing}
          </div>
          ${this.earlier.length
            ? html`<h3>${this.t('orEarlier')}</h3><ul class="list">${this.earlier.slice(0, 20).map((r) => html`<li class="row">
                <span>${r.name}</span><button @click=${() => this.finish(r)} aria-label=${`${this.t('insert')} « ${r.name} »`}>${this.t('insert')}</button></li>`)}</ul>`
            : nothing}`;
      case 'ready':
      case 'recording':
        return html`
          ${this.kind === 'video' ? html`<video class="live" autoplay muted playsinline aria-hidden="true"></video>` : nothing}
          <label>${this.t('level')}<meter min="0" max="1" low="0.1" high="0.9" optimum="0.5" .value=${this.level}></meter></label>
          <p class="time" role="timer" aria-live="off">${clock(this.elapsed)} / ${limit} ${this.t('limit')}</p>
          <div class="row">
            ${this.step === 'ready'
              ? html`<button class="primary" @click=${this.record}>⏺ ${this.t('record')}</button>`
              : html`<button @click=${this.togglePause} aria-pressed=${this.paused}>${this.paused ? `▶ ${this.t('resume')}` : `⏸ ${this.t('pause')}`}</button>
                  <button class="primary" @click=${this.stop}>⏹ ${this.t('stop')}</button>`}
          </div>`;
      case 'review':
        return html`
          ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
          ${this.kind === 'video' ? html`<video class="review" src=${this.previewUrl} controls playsinline></video>` : html`<audio class="review" src=${this.previewUrl} controls></audio>`}
          <form @submit=${this.save}>
            <label>${this.t('name')}<input name="name" maxlength="200" .value=${this.recordingName} /></label>
            <div class="row">
              <label>${this.t('trimStart')}<input name="trimStart" type="number" min="0" step="0.1" .max=${String(this.trimEnd)} .value=${String(this.trimStart)} ?disabled=${this.status?.converts === false} /></label>
              <label>${this.t('trimEnd')}<input name="trimEnd" type="number" min="0.1" step="0.1" .max=${String(this.trimEnd)} .value=${String(this.trimEnd)} ?disabled=${this.status?.converts === false} /></label>
            </div>
            ${this.status?.converts === false ? html`<p class="muted">${this.t('noConversion')}</p>` : nothing}
            <div class="row">
              <button type="button" @click=${this.rerecord}>${this.t('rerecord')}</button>
              <button class="primary" type="submit">${this.t(this.insert ? 'saveAndInsert' : 'save')}</button>
            </div>
          </form>`;
      case 'sending':
        return html`<p role="status">${this.retrying ? this.t('resuming') : this.t('sending')}</p>
          <progress max=${this.recorded?.size ?? 1} .value=${this.sent} aria-label=${this.t('sending')}></progress>`;
      case 'converting':
        return html`<p role="status">${this.t('converting')}</p><progress aria-label=${this.t('converting')}></progress>`;
      default:
        return nothing;
    }
  }

  override render() {
    return html`<dialog aria-labelledby="recorder-title" @cancel=${(event: Event) => { event.preventDefault(); this.finish(null); }}>
      <h2 id="recorder-title">${this.t(this.kind === 'audio' ? (this.insert ? 'insertAudio' : 'recordAudio') : this.screen ? 'recordScreen' : (this.insert ? 'insertVideo' : 'recordVideo'))}</h2>
      ${this.body()}
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <div class="row"><button type="button" @click=${() => this.finish(null)}>${this.t(this.step === 'done' ? 'close' : 'cancel')}</button></div>
    </dialog>`;
  }
}
customElements.define('media-recorder-dialog', MediaRecorderDialog);

/**
 * Opens the recorder; resolves with the saved (and converted) recording, or null when cancelled. `screen`: a
 * video of the screen instead of the camera (staff only; the recorder offers it from the camera's first step too).
 */
export function recordMedia(kind: 'audio' | 'video', insert: boolean, options: { screen?: boolean } = {}): Promise<Recording | null> {
  const dialog = document.createElement('media-recorder-dialog');
  dialog.kind = kind;
  dialog.insert = insert;
  dialog.screen = kind === 'video' && options.screen === true;
  document.body.append(dialog);
  return dialog.result;
}

export { playerHtml };

declare global {
  interface HTMLElementTagNameMap {
    'media-recorder-dialog': MediaRecorderDialog;
  }
}
