import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from "discord-api-types/v10";

/** Previous / Next under a paged list (none for a single page); each button's custom id carries the page it opens. */
export function pagerRows(
  page: number,
  pages: number,
  customIdFor: (page: number) => string,
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
      components: [button("Previous", page - 1, page <= 1), button("Next", page + 1, page >= pages)],
    },
  ];
}
