export declare function findBrowser(env?: Record<string, string | undefined>): string | null;
export declare const NO_BROWSER_HELP: string;
