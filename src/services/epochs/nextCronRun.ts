import cron, { type ScheduledTask } from "node-cron";

const DAY_LIMIT = 5 * 366;

interface Matcher {
  /** The expression's times of day (local), in order. */
  times: { hour: number; minute: number; second: number }[];
  /** Whether the expression runs at some time on a calendar day (its day-of-month, month and weekday fields). */
  dayTask: ScheduledTask;
  /** The expression itself: the last word on a candidate time (daylight-saving shifts). */
  task: ScheduledTask;
  /** The last answer: it holds for any moment from `from` until `next` (the watcher asks every second). */
  last?: { from: number; next: Date };
}

const matchers = new Map<string, Matcher | null>();

function matcherOf(expression: string): Matcher | null {
  if (matchers.has(expression)) return matchers.get(expression) ?? null;
  let m: Matcher | null = null;
  if (cron.validate(expression)) {
    const fields = expression.trim().split(/\s+/);
    const [dom, month, dow] = fields.slice(-3);
    const p = cron.parse(expression);
    const times = p.hour.flatMap((hour) =>
      p.minute.flatMap((minute) => p.second.map((second) => ({ hour, minute, second }))),
    );
    m = {
      times,
      // Matched against UTC midnight of the calendar day, so the date parts are exactly the day's.
      dayTask: cron.createTask(`0 0 0 ${dom} ${month} ${dow}`, () => {}, { timezone: "Etc/UTC" }),
      task: cron.createTask(expression, () => {}),
    };
  }
  matchers.set(expression, m);
  return m;
}

/**
 * The first time after `after` at which node-cron runs `expression` as Steward schedules it (local time, no
 * timezone option), or null for an expression that is not valid or does not run within five years. node-cron's own
 * `getNextRun` counts from the wall clock; this counts from any moment (Steward's clock, which tests move).
 */
export function nextCronRun(expression: string, after: Date): Date | null {
  const m = matcherOf(expression);
  if (!m) return null;
  if (m.last && m.last.from <= after.getTime() && after.getTime() < m.last.next.getTime()) return m.last.next;
  const next = search(m, after);
  if (next) m.last = { from: after.getTime(), next };
  return next;
}

function search(m: Matcher, after: Date): Date | null {
  const start = new Date(after.getTime());
  let day = new Date(start.getFullYear(), start.getMonth(), start.getDate());
  for (let i = 0; i < DAY_LIMIT; i++) {
    const y = day.getFullYear();
    const mo = day.getMonth();
    const d = day.getDate();
    if (m.dayTask.match(new Date(Date.UTC(y, mo, d)))) {
      for (const t of m.times) {
        const at = new Date(y, mo, d, t.hour, t.minute, t.second);
        if (at.getTime() > after.getTime() && m.task.match(at)) return at;
      }
    }
    day = new Date(y, mo, d + 1);
  }
  return null;
}
