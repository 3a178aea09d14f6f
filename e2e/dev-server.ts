/**
 * Manual check helper: `node bin/run-ts.mjs e2e/dev-server.ts [ads]` seeds a temp store like the e2e
 * suite and serves it on 127.0.0.1 until interrupted (prints the URL and the accounts).
 */
import { PASSWORD, startVigie } from './harness.ts';

const ads = Number(process.argv[2] ?? 800);
const v = await startVigie({ ads });
console.log(`URL ${v.url}`);
console.log(`accounts: ${Object.values(v.users).join(', ')} / password ${PASSWORD}`);
const stop = async () => {
  await v.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
