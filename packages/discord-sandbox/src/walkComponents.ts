/** A message or modal component as Discord sends it: containers hold `components`, labels hold one `component`. */
export interface ComponentNode {
  type: number;
  custom_id?: string;
  components?: ComponentNode[];
  component?: ComponentNode;
}

/** Every component in a tree, containers included, depth first in display order. */
export function* walkComponents<T extends ComponentNode>(list: readonly T[]): Generator<T> {
  for (const c of list) {
    yield c;
    if (c.components) yield* walkComponents(c.components as T[]);
    if (c.component) yield* walkComponents([c.component as T]);
  }
}
