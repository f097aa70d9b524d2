/** No NUL character and no lone surrogate (readable-text.ts). */
export declare const isReadableText: (text: string) => boolean;
