/** Names the calling thread for `top -H` (Linux; thread-name.mjs). */
export declare function nameThisThread(name: string): void;
