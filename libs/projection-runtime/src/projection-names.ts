import type { ReadModelSpec } from '#read-store';
import { stagedModel } from '#read-store';
import type { ReadModel } from '#projections';

/** The read store's view of a model: its projection name, collections and indexes. */
export function specOf(model: ReadModel): ReadModelSpec {
  return { projection: model.name, collections: model.collections, indexes: model.indexes };
}

/**
 * The model's version is kept as a pseudo checkpoint beside its real one, so reading and writing
 * it needs nothing the ReadStore port does not already offer (and both adapters store it alike).
 */
export function versionKey(name: string): string {
  return `${name}#version`;
}

/** Where one run of a model writes: the live names, or a rebuild's staged names. */
export interface ProjectionTarget {
  projection: string;
  /** A rebuild's staging: its collections may lack their indexes until the swap. */
  staged: boolean;
  /** Maps a collection named by the model to the one written. */
  collection(name: string): string;
}

export function liveTarget(model: ReadModel): ProjectionTarget {
  return { projection: model.name, staged: false, collection: (name) => name };
}

export function stagedTarget(model: ReadModel): ProjectionTarget {
  const staged = stagedModel(specOf(model));
  const byName = new Map(model.collections.map((c, i) => [c, staged.collections[i]!]));
  return {
    projection: staged.projection,
    staged: true,
    collection: (name) => {
      const mapped = byName.get(name);
      if (mapped === undefined) throw new Error(`Read model ${model.name} wrote to undeclared collection ${name}`);
      return mapped;
    },
  };
}
