/** A one-line progress counter on stderr, shown only on a terminal (never in pipes, CI or tests). */
export function progress(label: string): { tick(done: number): void; done(): void } {
  const tty = !!process.stderr.isTTY && !process.env.CI;
  let last = 0;
  let shown = false;
  return {
    tick(done: number) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      process.stderr.write(`\r${label}: ${done} input${done === 1 ? '' : 's'}`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}
