import { Command, CommanderError } from 'commander';
import { isVigieError } from '../core/errors.ts';
import { register as registerApikeys } from './commands/apikeys.ts';
import { register as registerAudit } from './commands/audit.ts';
import { register as registerCase } from './commands/case.ts';
import { register as registerLink } from './commands/link.ts';
import { register as registerUsers } from './commands/users.ts';
import { register as registerCrawl } from './commands/crawl.ts';
import { register as registerDb } from './commands/db.ts';
import { register as registerDemo } from './commands/demo.ts';
import { register as registerEval } from './commands/eval.ts';
import { register as registerExtract } from './commands/extract.ts';
import { register as registerServe } from './commands/serve.ts';
import { register as registerStart } from './commands/start.ts';
import { register as registerTrain } from './commands/train.ts';
import { register as registerExport } from './commands/export.ts';
import { register as registerImport } from './commands/import.ts';

/** Builds the `vigie` command with every sub-command; one place wires the CLI. */
export function buildProgram(): Command {
  const program = new Command('vigie')
    .description('Vigie — monitoring of online ads against the sexual exploitation of minors')
    .version('0.1.0')
    .showHelpAfterError();
  registerImport(program);
  registerExport(program);
  registerDb(program);
  registerDemo(program);
  registerEval(program);
  registerExtract(program);
  registerTrain(program);
  registerServe(program);
  registerStart(program);
  registerLink(program);
  registerUsers(program);
  registerApikeys(program);
  registerAudit(program);
  registerCase(program);
  registerCrawl(program);
  return program;
}

/** Entry point of bin/vigie.mjs: runs the CLI and turns known errors into clear messages and exit codes. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    if (isVigieError(e)) {
      process.stderr.write(`vigie: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
}
