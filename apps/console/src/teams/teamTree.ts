/** A team as the tree needs it: its name and its parent's. */
interface TreeTeam {
  name: string;
  title: string;
  parent?: string | null;
}

export interface TeamTreeNode<T extends TreeTeam> {
  team: T;
  children: TeamTreeNode<T>[];
}

const byTitle = <T extends TreeTeam>(a: TeamTreeNode<T>, b: TeamTreeNode<T>) => a.team.title.localeCompare(b.team.title) || a.team.name.localeCompare(b.team.name);

/**
 * The Backstage Group hierarchy: each team under its parent, by title. A team whose parent is not
 * among `teams` (none, or archived) is a root, so no team is ever left out.
 */
export function teamTree<T extends TreeTeam>(teams: readonly T[]): TeamTreeNode<T>[] {
  const nodes = new Map(teams.map((team) => [team.name, { team, children: [] as TeamTreeNode<T>[] }]));
  const roots: TeamTreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.team.parent === null || node.team.parent === undefined ? undefined : nodes.get(node.team.parent);
    (parent === undefined ? roots : parent.children).push(node);
  }
  const sort = (list: TeamTreeNode<T>[]): TeamTreeNode<T>[] => list.sort(byTitle).map((node) => ({ ...node, children: sort(node.children) }));
  return sort(roots);
}
