import type { ContributionCategory } from "../../generated/prisma/enums.ts";
import { UserError } from "../errors.ts";
import { requireText } from "../requireText.ts";

/** The database enum is the one list of categories; the command's choices are checked against it in tests. */
export type ContributionCategoryName = ContributionCategory;

export const CONTRIBUTION_LIMITS = {
  titleMax: 120,
  descriptionMax: 4000,
  linksMax: 5,
  linkMax: 500,
  hoursMax: 1000,
} as const;

export interface ContributionDraft {
  title: string;
  description: string;
  category: ContributionCategoryName;
  links: string[];
  hours?: number | undefined;
}

export function normaliseLink(link: string): string {
  const text = link.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError("invalid_link", { link: text });
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    throw new UserError("invalid_link", { link: text });
  }
  if (text.length > CONTRIBUTION_LIMITS.linkMax) {
    throw new UserError("field_too_long", { field: "link", max: CONTRIBUTION_LIMITS.linkMax, length: text.length });
  }
  return url.toString();
}

/** Checks and normalises a submission; throws the first problem as a UserError. */
export function validateContribution(draft: ContributionDraft): ContributionDraft {
  const title = requireText("title", draft.title, CONTRIBUTION_LIMITS.titleMax);
  const description = requireText("description", draft.description, CONTRIBUTION_LIMITS.descriptionMax);
  const links = draft.links.map((l) => l.trim()).filter((l) => l !== "");
  if (links.length > CONTRIBUTION_LIMITS.linksMax) {
    throw new UserError("too_many_links", { max: CONTRIBUTION_LIMITS.linksMax, count: links.length });
  }
  const hours = draft.hours;
  if (hours !== undefined && (!Number.isFinite(hours) || hours < 0.01 || hours > CONTRIBUTION_LIMITS.hoursMax)) {
    throw new UserError("invalid_hours", { hours, max: CONTRIBUTION_LIMITS.hoursMax });
  }
  return {
    title,
    description,
    category: draft.category,
    links: links.map(normaliseLink),
    hours: hours === undefined ? undefined : Math.round(hours * 100) / 100,
  };
}

export function titleKey(title: string): string {
  return title.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}
