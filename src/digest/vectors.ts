/** Sparse vectors of weighted terms, as story detection and sentence choice compare them. */
export type Vector = ReadonlyMap<string, number>

/** Dot product of two sparse vectors, iterating the smaller (the cosine, when both are unit vectors). */
export function dot(x: Vector, y: Vector): number {
  if (x.size > y.size) [x, y] = [y, x]
  let sum = 0
  for (const [t, w] of x) {
    const z = y.get(t)
    if (z !== undefined) sum += w * z
  }
  return sum
}

/** The vector scaled to length 1 (an empty one stays empty). */
export function unit(x: Vector): Map<string, number> {
  const norm = Math.sqrt(dot(x, x))
  return new Map(norm > 0 ? [...x].map(([t, w]) => [t, w / norm]) : [])
}
