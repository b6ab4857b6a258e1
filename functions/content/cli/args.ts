import { type ParseArgsConfig, parseArgs } from "node:util";

/** Prints `message` and exits 2: for a wrong option or a missing version, never a stack trace. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/**
 * The command's options, or exits 2 with what was wrong (an unknown option, `--help` too, or a
 * missing value) in one line and the usage: Node's own error would print a stack trace.
 */
export function argsOrExit<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    // Node adds advice about "--" for positionals starting with "-", which none of ours do.
    const said = (error as Error).message.split(". ")[0]?.replace(/\.$/, "");
    return fail(`${said}.\n${usage}`);
  }
}
