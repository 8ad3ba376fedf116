/**
 * One `tandem` command: its file exports one of these, and main.ts lists it. To add a command,
 * write `src/cli/<name>.ts` exporting a `Command` and add it to the list in main.ts.
 *
 * @example
 * export const migrateCommand: Command = { name: "migrate", summary: "apply database migrations", help, run };
 */
export interface Command {
  name: string;
  /** one line in `tandem --help` */
  summary: string;
  /** what `tandem <name> --help` prints (config.ts `helpText`) */
  help: string;
  run(argv: string[]): Promise<void>;
}
