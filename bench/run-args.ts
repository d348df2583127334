/** Command line of `npm run bench` (see bench/run.ts for the usage text). */

/** Parsed command line of the benchmark. */
export interface BenchArgs {
  quick: boolean;
  leads: number;
  rounds: number;
  storeLeads: number;
  store: boolean;
  sameInput: boolean;
  /** Leads per evaluation chunk (all segments over a chunk, then the next). */
  chunk: number;
}

/** Parses `argv` (without node and script); throws on an unknown option or a bad number. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const quick = argv.includes('--quick');
  const args: BenchArgs = {
    quick,
    leads: quick ? 20_000 : 200_000,
    rounds: quick ? 2 : 5,
    storeLeads: quick ? 10_000 : 100_000,
    store: true,
    sameInput: true,
    chunk: 2000,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const number = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${arg} needs a whole number`);
      return n;
    };
    if (arg === '--quick') continue;
    else if (arg === '--leads') args.leads = number();
    else if (arg === '--rounds') args.rounds = number();
    else if (arg === '--store-leads') args.storeLeads = number();
    else if (arg === '--chunk') args.chunk = number();
    else if (arg === '--no-store') args.store = false;
    else if (arg === '--no-same-input') args.sameInput = false;
    else throw new Error(`unknown option ${arg}`);
  }
  if (args.leads < 1) throw new Error('--leads must be at least 1');
  if (args.chunk < 1) throw new Error('--chunk must be at least 1');
  return args;
}
