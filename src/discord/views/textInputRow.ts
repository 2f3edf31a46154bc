import { ComponentType, TextInputStyle } from "discord-api-types/v10";

/** One text field of a modal, in its own row; a pre-filled value is cut to the field's maximum. */
export function textInputRow(
  id: string,
  label: string,
  value: string,
  max: number,
  paragraph: boolean,
  required = true,
) {
  return {
    type: ComponentType.ActionRow as const,
    components: [
      {
        type: ComponentType.TextInput as const,
        custom_id: id,
        label,
        style: paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
        ...(value ? { value: value.slice(0, max) } : {}),
        max_length: max,
        required,
      },
    ],
  };
}
