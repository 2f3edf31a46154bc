import pg from "pg";

/**
 * LISTENs on a PostgreSQL notification channel on a connection of its own, reconnecting when it drops (a restart
 * of the server): `onNotify` runs for every notification, and once after each reconnect (what was notified while
 * disconnected is not replayed, so the listener looks for itself). Returns a function that stops listening.
 */
export async function listenForNotifications(
  url: string,
  channel: string,
  onNotify: () => void,
  onError: (error: Error) => void = () => {},
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: "steward-listen" });
    next.on("notification", () => onNotify());
    const lost = (error?: Error) => {
      if (stopped || client !== next) return;
      client = undefined;
      if (error) onError(error);
      void next.end().catch(() => {});
      scheduleReconnect();
    };
    next.on("error", lost);
    next.on("end", () => lost());
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    onNotify();
  };
  const scheduleReconnect = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((error: Error) => {
        onError(error);
        scheduleReconnect();
      });
    }, 1000);
    retry.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
