/** Names the calling thread for `top -H` (Linux; thread-name.mjs). */
export declare function nameThisThread(name: string): void;
/** The names the service's own threads take (thread-name.mjs). */
export declare const THREAD_NAMES: Readonly<{ door: 'quorum-door'; database: 'quorum-db' }>;
