import type { CheckResult } from '../core/result.js';

export interface ReportOptions {
  /** ANSI colours on. */
  color: boolean;
  /** Folder paths are shown relative to in human output. */
  cwd: string;
}

/** A reporter is a pure function of the results: the same input renders the same text. */
export type Reporter = (result: CheckResult, options: ReportOptions) => string;
