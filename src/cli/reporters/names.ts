/** The report formats `--reporter` can write into `--output-dir`, and the file each one writes. */
export const REPORTERS = ['json', 'html', 'markdown', 'junit'] as const;
export type ReporterName = (typeof REPORTERS)[number];
export const REPORTER_FILES: Record<ReporterName, string> = {
  json: 'report.json',
  html: 'report.html',
  markdown: 'report.md',
  junit: 'junit.xml',
};
