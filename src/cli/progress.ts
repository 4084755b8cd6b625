/** What the progress bar shows at one moment. */
export interface ProgressState {
  phase: 'files' | 'project';
  done: number;
  total: number;
  elapsedMs: number;
}

const LABELS: Record<ProgressState['phase'], string> = { files: 'files', project: 'project rules' };

/** `1:05` for 65 s; hours only when needed. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * One line of progress, fitted to `columns`: `archlint [█████░░░░░] files 1200/5000 24% 0:07`.
 * The bar takes what room the text leaves, and disappears on very narrow terminals.
 */
export function formatProgress(state: ProgressState, columns = 80): string {
  const total = Math.max(state.total, 0);
  const done = Math.min(Math.max(state.done, 0), total);
  const ratio = total === 0 ? 1 : done / total;
  const text = `${LABELS[state.phase]} ${done}/${total} ${Math.floor(ratio * 100)}% ${formatElapsed(state.elapsedMs)}`;
  // One column is left free: writing the last column makes some terminals wrap.
  const room = columns - 1 - 'archlint '.length - text.length - 3;
  if (room < 10) return `archlint ${text}`.slice(0, Math.max(columns - 1, 0));
  const width = Math.min(room, 40);
  const filled = Math.round(ratio * width);
  return `archlint [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${text}`;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** Milliseconds between two redraws at most. */
  intervalMs?: number;
  /** Nothing is drawn before this: short runs stay silent. */
  delayMs?: number;
  now?: () => number;
}

/** The engine's progress callback, drawing on a terminal; `finish` erases the line. */
export interface ProgressReporter {
  update(phase: ProgressState['phase'], done: number, total: number): void;
  finish(): void;
}

const ERASE_LINE = '\r\x1b[2K';

/**
 * Redraws at most once per `intervalMs` (a redraw per file would cost more than the check on
 * large repositories), and always erases its line when done so the report that follows starts clean.
 */
export function progressWriter(stream: ProgressStream, options: ProgressOptions = {}): ProgressReporter {
  const interval = options.intervalMs ?? 250;
  const delay = options.delayMs ?? 500;
  const now = options.now ?? (() => performance.now());
  const start = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(phase, done, total) {
      const t = now();
      if (t - start < delay || t - lastDraw < interval) return;
      lastDraw = t;
      drawn = true;
      // A pseudo-terminal may report 0 columns: draw for a standard width then.
      stream.write(`${ERASE_LINE}${formatProgress({ phase, done, total, elapsedMs: t - start }, stream.columns || 80)}`);
    },
    finish() {
      if (drawn) stream.write(ERASE_LINE);
      drawn = false;
    },
  };
}

/** A progress bar only where someone watches it: stderr is a terminal, not CI, not `--no-progress`. */
export function wantsProgress(flag: boolean | undefined, env: NodeJS.ProcessEnv, stderr: ProgressStream): boolean {
  if (flag === false) return false;
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return false;
  return stderr.isTTY === true;
}
