import WebSocket from 'ws';
import type { Recorder } from './recorder.js';

/** The live connection the shell's notification bell opens (`/ws`), kept open until the user leaves. */
export class LiveSocket {
  messages = 0;
  open = false;
  private socket: WebSocket | undefined;

  constructor(private readonly recorder: Recorder) {}

  /** Resolves once open (or refused: the shell then keeps working without live updates, and so does the user). */
  connect(origin: string, session: string): Promise<void> {
    const started = performance.now();
    const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/ws`, {
      // A browser sends the page's Origin, which the server checks (cross-site socket hijacking).
      headers: { cookie: `preau_session=${session}`, origin },
    });
    this.socket = socket;
    socket.on('message', () => void (this.messages += 1));
    return new Promise((resolve) => {
      socket.once('open', () => {
        this.open = true;
        this.recorder.record('WS /ws (open)', performance.now() - started, 101);
        resolve();
      });
      socket.once('unexpected-response', (_request, response) => {
        this.recorder.record('WS /ws (open)', performance.now() - started, response.statusCode ?? 0);
        resolve();
      });
      socket.once('error', () => {
        if (!this.open) this.recorder.record('WS /ws (open)', performance.now() - started, 0);
        resolve();
      });
      socket.once('close', () => void (this.open = false));
    });
  }

  close(): void {
    this.socket?.terminate();
  }
}
