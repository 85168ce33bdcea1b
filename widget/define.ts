/** Defines a custom element once: two blog plugins may both include the script, and a second define would throw. */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
