import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '@preau/sdk/web';

/** One file being sent, as the progress list shows it. */
export interface UploadEntry {
  file: File;
  /** The folders it sits in, relative to where it was dropped ("Sortie/Jour 1"), '' for none. */
  path: string;
  loaded: number;
  state: 'waiting' | 'sending' | 'done' | 'failed' | 'cancelled';
  error?: string;
  xhr?: XMLHttpRequest;
}

// Three files at a time: progress stays readable and the server's quota reservations stay small.
const PARALLEL = 3;

/**
 * Sends files one request each with XMLHttpRequest (fetch reports no upload progress), three at a time, to
 * `/api/documents/uploads`; keeps each file's progress for the page to draw, and cancels what is left.
 */
export class UploadQueue implements ReactiveController {
  entries: UploadEntry[] = [];
  private csrf?: string;

  constructor(private host: ReactiveControllerHost, private api: () => ApiClient | undefined, private done: () => void) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
  }

  get active(): boolean {
    return this.entries.some((e) => e.state === 'waiting' || e.state === 'sending');
  }

  /** Bytes sent over bytes to send, 0 to 1. */
  get overall(): number {
    const total = this.entries.reduce((sum, e) => sum + e.file.size, 0);
    const sent = this.entries.reduce((sum, e) => sum + (e.state === 'done' ? e.file.size : e.loaded), 0);
    return total === 0 ? 1 : sent / total;
  }

  /** Queues files for a folder (null: the top of Mes documents) and starts sending. */
  async add(files: { file: File; path: string }[], folderId: number | null): Promise<void> {
    if (!this.active) this.entries = [];
    this.entries.push(...files.map(({ file, path }) => ({ file, path, loaded: 0, state: 'waiting' as const })));
    this.host.requestUpdate();
    this.csrf ??= (await this.api()?.get<{ csrfToken: string }>('/api/core/me'))?.csrfToken;
    const workers = Array.from({ length: PARALLEL }, () => this.work(folderId));
    await Promise.all(workers);
    this.done();
  }

  /** Stops every upload: those sending are aborted (the server keeps nothing of them), the waiting ones dropped. */
  cancel(): void {
    for (const entry of this.entries) {
      if (entry.state === 'waiting') entry.state = 'cancelled';
      if (entry.state === 'sending') entry.xhr?.abort();
    }
    this.host.requestUpdate();
  }

  private async work(folderId: number | null): Promise<void> {
    for (let entry = this.next(); entry; entry = this.next()) await this.send(entry, folderId);
  }

  private next(): UploadEntry | undefined {
    const entry = this.entries.find((e) => e.state === 'waiting');
    if (entry) entry.state = 'sending';
    return entry;
  }

  private send(entry: UploadEntry, folderId: number | null): Promise<void> {
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      entry.xhr = xhr;
      const form = new FormData();
      if (entry.path) form.append('paths', JSON.stringify([entry.path]));
      form.append('file', entry.file, entry.file.name);
      xhr.open('POST', `/api/documents/uploads${folderId ? `?folderId=${folderId}` : ''}`);
      xhr.setRequestHeader('accept', 'application/json');
      if (this.csrf) xhr.setRequestHeader('x-csrf-token', this.csrf);
      xhr.upload.onprogress = (event) => {
        entry.loaded = event.loaded * (entry.file.size / Math.max(event.total, 1));
        this.host.requestUpdate();
      };
      const finish = (state: UploadEntry['state'], error?: string) => {
        entry.state = state;
        entry.error = error;
        entry.xhr = undefined;
        this.host.requestUpdate();
        resolve();
      };
      xhr.onload = () => {
        if (xhr.status < 300) return finish('done');
        let message = xhr.statusText;
        try {
          message = (JSON.parse(xhr.responseText) as { message?: string }).message ?? message;
        } catch { /* not JSON: the status text says it */ }
        finish('failed', message);
      };
      xhr.onerror = () => finish('failed', 'Erreur réseau');
      xhr.onabort = () => finish('cancelled');
      xhr.send(form);
    });
  }
}

/** The files of a drop, folders walked through (`webkitGetAsEntry`), each with its folder path. */
export async function droppedFiles(transfer: DataTransfer): Promise<{ file: File; path: string }[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...transfer.files].map((file) => ({ file, path: '' }));
  const found: { file: File; path: string }[] = [];
  const walk = async (entry: FileSystemEntry, path: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      found.push({ file, path });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      const inside = path ? `${path}/${entry.name}` : entry.name;
      // readEntries answers in batches until it answers none.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, inside);
      }
    }
  };
  for (const entry of entries) await walk(entry, '');
  return found;
}

/** The files of `<input type="file" webkitdirectory>` or a plain multiple input, with their folder paths. */
export function chosenFiles(input: HTMLInputElement): { file: File; path: string }[] {
  return [...(input.files ?? [])].map((file) => ({ file, path: file.webkitRelativePath ? file.webkitRelativePath.split('/').slice(0, -1).join('/') : '' }));
}
