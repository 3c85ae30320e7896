// Progress of a run on the terminal, driven by the runner's events: on a TTY one line redrawn in place
// (operation n of N, phase, requests, findings so far); elsewhere (CI logs, pipes) plain lines, one per
// operation and phase, with no control characters. Written to stderr by the CLI: stdout keeps the results.
import type { RunEvent } from './runner/types.ts';

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** redraw one line in place; default: whether the stream is a TTY */
  tty?: boolean;
  /** the clock redraws are throttled by (tests pass their own) */
  now?: () => number;
  /** at most one redraw for requests alone per interval; operation and phase changes always redraw */
  intervalMs?: number;
}

export interface Progress {
  onEvent(e: RunEvent): void;
  /** clears the TTY line, so what the run prints next starts on a clean line */
  done(): void;
}

// a name from a result or a target could carry a control character: never sent to the terminal
const plain = (s: string) => [...s].map((c) => (isControl(c.codePointAt(0)!) ? ' ' : c)).join('');
/** C0, DEL and C1: what a terminal could take as a command */
export const isControl = (n: number) => n < 0x20 || (n >= 0x7f && n < 0xa0);

export function progressPrinter(stream: ProgressStream, o: ProgressOptions = {}): Progress {
  const tty = o.tty ?? !!stream.isTTY;
  const now = o.now ?? (() => performance.now());
  const interval = o.intervalMs ?? 100;
  const s = { phase: '', operation: '', index: 0, total: 0, requests: 0 };
  const findings = new Set<string>();
  let drawn = -Infinity;
  let shown = false;

  const position = () => (s.total ? `[${s.index}/${s.total}] ` : '');
  const counts = () =>
    `${s.requests} request${s.requests === 1 ? '' : 's'}, ` +
    `${findings.size} finding${findings.size === 1 ? '' : 's'} so far`;
  const draw = () => {
    drawn = now();
    const where = [s.operation, s.phase].filter(Boolean).join(' · ');
    let line = plain(`${position()}${where}${where ? ' — ' : ''}${counts()}`);
    // a line longer than the terminal would wrap, and \r would then redraw only its last row
    const width = (stream.columns ?? 80) - 1;
    if (line.length > width) line = `${line.slice(0, Math.max(0, width - 1))}…`;
    stream.write(`\r\x1b[K${line}`);
    shown = true;
  };
  const print = (line: string) => stream.write(`${plain(line)}\n`);

  return {
    onEvent(e) {
      if (e.kind === 'operation') {
        Object.assign(s, { operation: e.operation, index: e.index, total: e.total, phase: '' });
        if (tty) draw();
        else print(`${position()}${e.operation}`);
      } else if (e.kind === 'phase') {
        s.phase = e.phase;
        if (e.operation && e.operation !== s.operation) s.operation = e.operation;
        if (tty) draw();
        else print(`  phase: ${e.phase}${e.operation ? ` ${e.operation}` : ''} (${counts()})`);
      } else if (e.kind === 'case') {
        s.requests = e.requests;
        if (tty && now() - drawn >= interval) draw();
      } else if (e.kind === 'finding') {
        findings.add(`${e.check}\u0000${e.operation}`);
        if (tty) draw();
      }
    },
    done() {
      if (tty && shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
