import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromGenerator, ToGenerator } from './generator-protocol.js';

const GENERATOR = fileURLToPath(new URL('./generator.ts', import.meta.url));

/** The forked generator processes, each asked the same question with its own share of the users. */
export class GeneratorPool {
  private readonly children: ChildProcess[];

  constructor(count: number) {
    // TypeScript through tsx, from the workspace's sources, like the harness itself (`npm run load`).
    const execArgv = ['--conditions=@preau/source', '--import', 'tsx'];
    this.children = Array.from({ length: count }, () => fork(GENERATOR, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }

  get size(): number {
    return this.children.length;
  }

  get pids(): number[] {
    return this.children.map((child) => child.pid!);
  }

  /** Sends each generator its message and waits for every answer of the expected type. */
  async ask<T extends FromGenerator['type']>(messages: ToGenerator[], answer: T): Promise<Extract<FromGenerator, { type: T }>[]> {
    return Promise.all(this.children.map((child, i) => new Promise<Extract<FromGenerator, { type: T }>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load generator ${i + 1} exited with ${code}`));
      child.once('exit', onExit);
      child.on('message', function listen(message: FromGenerator) {
        if (message.type !== answer) return;
        child.off('message', listen);
        child.off('exit', onExit);
        resolve(message as Extract<FromGenerator, { type: T }>);
      });
      child.send(messages[i]!);
    })));
  }

  close(): void {
    for (const child of this.children) if (child.exitCode === null) child.kill();
  }
}

/** Deals items to `parts` shares, one after the other (so that each share gets every kind of user). */
export function deal<T>(items: readonly T[], parts: number): T[][] {
  const shares: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, i) => shares[i % parts]!.push(item));
  return shares;
}
