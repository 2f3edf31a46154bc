// The public API of @steward/managed-postgres: everything else in src/ is internal.
export {
  destroyManagedData,
  type ManagedPostgres,
  type ManagedPostgresOptions,
  openManagedPostgres,
  stopManagedPostgres,
} from "./managedPostgres.ts";
export {
  hydrateSymlinks,
  locatePostgresBinaries,
  ManagedPostgresError,
  type PostgresBinaries,
} from "./postgresBinaries.ts";
