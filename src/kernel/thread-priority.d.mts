/** How much lower than the front door's each thread runs (thread-priority.mjs). */
export declare const LOWER_BY: { readonly service: number; readonly database: number };
/** Names the calling thread (Linux). */
export declare function nameThisThread(name: string): void;
/** Lowers the calling thread's priority by `by` (Linux); the nice value it now runs at, or undefined. */
export declare function lowerThisThread(by: number): number | undefined;
