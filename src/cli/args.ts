/** Reads `--name value` and `--flag` options from a command line. */
export function parseArgs(argv: readonly string[]): Map<string, string | true> {
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg?.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      options.set(arg.slice(2), next);
      i++;
    } else {
      options.set(arg.slice(2), true);
    }
  }
  return options;
}
