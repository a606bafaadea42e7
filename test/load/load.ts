/**
 * `npm run load`: a school morning against the real server on PostgreSQL. Builds (or reuses) an academy slice,
 * starts `preau start` on it, has load-generator processes play users who sign in, open the home page with its
 * socket and act every ~10 s, then prints per-request-kind latencies, errors, sign-in throughput and CPU shares.
 * It measures and asserts nothing; see docs/performance.md.
 */
import { formatReport } from './load-report.js';
import { parseLoadOptions } from './options.js';
import { runLoad } from './run-load.js';

const options = parseLoadOptions(process.argv.slice(2));
const report = await runLoad(options);
process.stdout.write(`${options.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
