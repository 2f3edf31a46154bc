import type { Db } from "../../db/openDatabase.ts";

export function listAuditEvents(db: Db, filter: { guildId: string; subjectType?: string; subjectId?: string }) {
  return db.auditEvent.findMany({ where: filter, orderBy: { id: "asc" } });
}
