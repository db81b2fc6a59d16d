/**
 * Registers `element` under the kit's `tag`, unless that tag is registered already (loading a
 * define module twice is harmless). The registry takes a constructor only once: when the host has
 * registered this class under its own tag, the kit's tag gets a subclass that adds nothing, so
 * both tags work and importing the kit's define modules afterwards does not throw.
 */
export function defineTag(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  try {
    customElements.define(tag, element);
  } catch (error) {
    if (customElements.get(tag)) return;
    if (!(error instanceof Error) || error.name !== 'NotSupportedError') throw error;
    customElements.define(tag, class extends element {});
  }
}
