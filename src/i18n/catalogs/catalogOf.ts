/** A translation of a namespace: every key of the English source, and no other. */
export type CatalogOf<T> = { readonly [K in keyof T]: string };
