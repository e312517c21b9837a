export declare function compileCacheDir(): string;
export declare function enableCompileCache(): void;
