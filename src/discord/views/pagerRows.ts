import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from "discord-api-types/v10";
import type { Translator } from "../../i18n/translator.ts";

type CustomIdFor = (page: number) => string;

/** Previous / Next under a paged list (none for a single page); each button's custom id carries the page it opens. */
export function pagerRows(
  t: Translator,
  page: number,
  pages: number,
  customIdFor: CustomIdFor,
): APIActionRowComponent<APIButtonComponent>[] {
  if (pages <= 1) return [];
  const button = (label: string, to: number, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: customIdFor(to),
    disabled,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(t.t("steward.pager.previous.button"), page - 1, page <= 1),
        button(t.t("steward.pager.next.button"), page + 1, page >= pages),
      ],
    },
  ];
}
