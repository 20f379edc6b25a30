// How a benchmark script ends: its exit code comes from main(); a crash is reported as a failure
// (exit 1), never as a missed target; and a handle left open cannot keep the process alive.
export async function runBench(main: () => Promise<number>): Promise<void> {
  let code: number;
  try {
    code = await main();
  } catch (error) {
    process.stderr.write(`bench failed: ${(error as Error).message}\n`);
    code = 1;
  }
  process.exitCode = code;
  setTimeout(() => {
    process.stderr.write('bench: something kept the process alive after the run; exiting.\n');
    process.exit(code);
  }, 5_000).unref();
}
