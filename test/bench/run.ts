import { checkFirstResponse } from './check-first-response.js';
import { measure, type Figures } from './measure.js';
import { machineFacts, ratioLine, table, type Row } from './report.js';
import { readSettings } from './settings.js';
import { startBareFastify } from './targets/bare-fastify.js';
import { startLunchMenuRead } from './targets/lunch-menu-read.js';
import { startGateOnly } from './targets/gate-only.js';
import type { BenchTarget } from './targets/target.js';

const settings = readSettings();
const load = { connections: settings.connections, pipelining: settings.pipelining };

// Progress goes to stderr so that stdout holds only the report.
const progress = (message: string): void => void process.stderr.write(`${message}\n`);

/** Boots one target, checks it answers 200, warms it up, measures it, and always closes it. */
async function bench(start: () => Promise<BenchTarget>): Promise<Row> {
  const target = await start();
  try {
    await checkFirstResponse(target);
    progress(`${target.name}: warming up ${settings.warmUpSeconds} s`);
    await measure(target, { ...load, seconds: settings.warmUpSeconds });
    progress(`${target.name}: measuring ${settings.seconds} s`);
    const figures: Figures = await measure(target, { ...load, seconds: settings.seconds });
    return { name: target.name, figures };
  } finally {
    await target.close();
  }
}

console.log(machineFacts(settings));
// One after the other, each closed before the next boots: on two cores, anything running beside a target
// takes from its numbers.
const baseline = await bench(startBareFastify);
const preau = await bench(() => startLunchMenuRead(settings.database));
const gate = await bench(() => startGateOnly(settings.database));
console.log('');
console.log(table([baseline, preau, gate]));
console.log('');
console.log(ratioLine(baseline.figures, preau.figures));
console.log(`ratio c/a (requests/s): ${(gate.figures.requestsPerSecond / baseline.figures.requestsPerSecond).toFixed(2)} (the platform without the read)`);
