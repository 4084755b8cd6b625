import { Chalk } from 'chalk';

/** Just enough Markdown for a terminal: headings bold, code dimmed, the rest as written. */
export function renderMarkdown(text: string, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  let inCode = false;
  const out = text.split('\n').map((line) => {
    if (line.startsWith('```')) {
      inCode = !inCode;
      return c.dim(line);
    }
    if (inCode) return c.cyan(`  ${line}`);
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) return heading[1].length === 1 ? c.bold.underline(heading[2]) : c.bold(heading[2]);
    return line.replace(/`([^`]+)`/g, (_, code: string) => c.cyan(code));
  });
  return `${out.join('\n').trimEnd()}\n`;
}
