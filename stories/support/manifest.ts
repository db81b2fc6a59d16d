/**
 * The custom elements manifest as the docs pages show it: only the public API. Members that are
 * private or protected, or whose name starts with `_`, are left out, and so are Lit's lifecycle
 * methods, which every element inherits and no host calls.
 */

/** The parts of the manifest schema the docs read. */
export interface ManifestMember {
  name: string;
  kind?: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  [key: string]: unknown;
}

export interface ManifestDeclaration {
  name: string;
  tagName?: string;
  members?: ManifestMember[];
  attributes?: { name: string; fieldName?: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

export interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: ManifestDeclaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

const LIFECYCLE = new Set([
  'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'render', 'willUpdate', 'update',
  'updated', 'firstUpdated', 'shouldUpdate', 'createRenderRoot', 'styles', 'shadowRootOptions',
]);

/** True for what a host may use. */
export function isPublicMember(member: ManifestMember): boolean {
  if (member.name.startsWith('_') || member.name.startsWith('#')) return false;
  if (member.privacy === 'private' || member.privacy === 'protected') return false;
  return !LIFECYCLE.has(member.name);
}

/** A copy of `manifest` with only public members (and the attributes of public fields). */
export function publicManifest(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((declaration) => {
        const hidden = new Set((declaration.members ?? []).filter((m) => !isPublicMember(m)).map((m) => m.name));
        return {
          ...declaration,
          members: declaration.members?.filter(isPublicMember),
          attributes: declaration.attributes?.filter((a) => !a.name.startsWith('_') && !(a.fieldName && hidden.has(a.fieldName))),
        };
      }),
    })),
  };
}
