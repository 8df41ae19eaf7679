import {
  DEFAULT_NAMESPACE,
  entityKey,
  keyForMatching,
  parseEntityRef,
  type BackstageGroupV1alpha1,
  type BackstageSystemLike,
  type BackstageUserV1alpha1,
  type CatalogNote,
  type CatalogProblem,
  type Located,
  type Person,
  type Team,
} from '@roundhouse/contracts';

/** A Backstage System or Domain, kept as written so automations can name their system. */
export interface CatalogSystem {
  kind: 'System' | 'Domain';
  /** The name, or `<namespace>/<name>` outside the default namespace. */
  name: string;
  title: string;
  description: string | null;
  definition: Record<string, unknown>;
}

export interface ResolvedOrg {
  teams: Located<Team>[];
  people: Located<Person>[];
  systems: Located<CatalogSystem>[];
  notes: CatalogNote[];
  problems: CatalogProblem[];
}

interface OrgInput {
  teams: Located<Team>[];
  groups: Located<BackstageGroupV1alpha1>[];
  users: Located<BackstageUserV1alpha1>[];
  systems: Located<BackstageSystemLike>[];
}

const fieldName = (path: readonly (string | number)[]): string => path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${part}`)).join('');

const keyOf = (metadata: { name: string; namespace?: string | undefined }): string => entityKey(metadata.namespace, metadata.name);

/** Entities of one kind by key, compared without case as Backstage compares refs; a second one with the same key is a problem. */
class Index<T> {
  private readonly byMatch = new Map<string, Located<T> & { key: string }>();

  constructor(
    private readonly what: string,
    private readonly problems: CatalogProblem[],
  ) {}

  add(key: string, item: Located<T>): boolean {
    const earlier = this.byMatch.get(keyForMatching(key));
    if (earlier !== undefined) {
      this.problems.push({
        file: item.file,
        line: item.lineAt(['metadata', 'name']),
        field: 'metadata.name',
        found: `a second ${this.what} "${key}" (the first is in ${earlier.file}:${earlier.line}; names are compared without case, as Backstage compares them)`,
        allowed: `one ${this.what} per name and namespace across the catalog`,
      });
      return false;
    }
    this.byMatch.set(keyForMatching(key), { ...item, key });
    return true;
  }

  /** The key as written in its file, for a key in any case. */
  find(key: string): string | undefined {
    return this.byMatch.get(keyForMatching(key))?.key;
  }

  get keys(): string[] {
    return [...this.byMatch.values()].map((item) => item.key);
  }
}

interface RefContext {
  item: Located<unknown>;
  field: (string | number)[];
  kind: string;
  namespace: string;
}

/**
 * Resolves the org across files, as Backstage relates its entities: a Group's parent is its
 * `spec.parent` or the Group that lists it in `spec.children`; a team's members are its
 * `spec.members` and the Users that name it in `spec.memberOf`. Refs default to the referring
 * entity's namespace. A ref to an entity that is not in the catalog is a note (Backstage keeps such
 * a relation dangling); a malformed ref, two parents or a cycle is a problem.
 */
export function resolveOrg(input: OrgInput): ResolvedOrg {
  return new OrgResolver(input).resolve();
}

class OrgResolver {
  private readonly problems: CatalogProblem[] = [];
  private readonly notes: CatalogNote[] = [];
  private readonly teams = new Index<unknown>('team', this.problems);
  private readonly users = new Index<unknown>('user', this.problems);
  private readonly systemIndex = new Index<unknown>('system', this.problems);
  private readonly domains = new Index<unknown>('domain', this.problems);
  private readonly groups: Located<BackstageGroupV1alpha1>[];
  private readonly people: Located<BackstageUserV1alpha1>[];
  private readonly systems: Located<BackstageSystemLike>[];
  private readonly parents = new Map<string, { parent: string; item: Located<unknown>; field: (string | number)[] }>();
  private readonly members: Map<string, string[]>;
  private readonly personTeams: Map<string, Set<string>>;

  constructor(private readonly input: OrgInput) {
    input.teams.forEach((t) => this.teams.add(t.value.name, t));
    this.groups = input.groups.filter((g) => this.teams.add(keyOf(g.value.metadata), g));
    this.people = input.users.filter((u) => this.users.add(keyOf(u.value.metadata), u));
    this.systems = input.systems.filter((s) => (s.value.kind === 'System' ? this.systemIndex : this.domains).add(keyOf(s.value.metadata), s));
    this.members = new Map(this.teams.keys.map((key) => [key, []]));
    this.personTeams = new Map(this.users.keys.map((key) => [key, new Set()]));
  }

  resolve(): ResolvedOrg {
    this.groups.forEach((group) => this.relateGroup(group));
    this.people.forEach((user) => this.relateUser(user));
    this.checkCycles();
    this.systems.forEach((system) => this.checkSystem(system));
    return {
      teams: [...this.input.teams, ...this.groups.map(teamOfGroup)].map((team) => this.withRelations(team)),
      people: this.people.map((user) => this.personOf(user)),
      systems: this.systems.map(systemOf),
      notes: this.notes,
      problems: this.problems,
    };
  }

  /** The key a ref names, or undefined (and a problem) when Backstage would not read it as a ref to `kind`. */
  private ref(value: string, context: RefContext): string | undefined {
    const parsed = parseEntityRef(value, { kind: context.kind, namespace: context.namespace });
    if ('problem' in parsed || parsed.kind !== context.kind) {
      this.problems.push({
        file: context.item.file,
        line: context.item.lineAt(context.field),
        field: fieldName(context.field),
        found: JSON.stringify(value),
        allowed: 'problem' in parsed ? parsed.problem : `a reference to a ${context.kind} (found a ${parsed.kind})`,
      });
      return undefined;
    }
    return entityKey(parsed.namespace, parsed.name);
  }

  /** The key, as written, of the entity `value` refers to in `index`; a note when it is not in the catalog. */
  private existing(index: Index<unknown>, value: string, context: RefContext & { what: string; consequence: string }): string | undefined {
    const key = this.ref(value, context);
    const found = key === undefined ? undefined : index.find(key);
    if (key !== undefined && found === undefined) {
      this.notes.push({
        file: context.item.file,
        line: context.item.lineAt(context.field),
        message: `${fieldName(context.field)} names ${context.what} "${key}", which is not in the catalog: ${context.consequence}`,
      });
    }
    return found;
  }

  private setParent(child: string, parent: string, item: Located<unknown>, field: (string | number)[]): void {
    const earlier = this.parents.get(child);
    if (earlier !== undefined && earlier.parent !== parent) {
      this.problems.push({
        file: item.file,
        line: item.lineAt(field),
        field: fieldName(field),
        found: `"${parent}" as the parent of "${child}", whose parent is already "${earlier.parent}" (${earlier.item.file}:${earlier.item.lineAt(earlier.field)})`,
        allowed: 'one parent per team: spec.parent of the child and spec.children of the parent must agree',
      });
      return;
    }
    this.parents.set(child, { parent, item, field });
  }

  private join(team: string, person: string): void {
    const list = this.members.get(team);
    if (list !== undefined && !list.includes(person)) {
      list.push(person);
    }
    this.personTeams.get(person)?.add(team);
  }

  private relateGroup(group: Located<BackstageGroupV1alpha1>): void {
    const self = keyOf(group.value.metadata);
    const namespace = group.value.metadata.namespace ?? DEFAULT_NAMESPACE;
    const { parent, children, members = [] } = group.value.spec;
    if (parent !== undefined) {
      const found = this.existing(this.teams, parent, {
        item: group,
        field: ['spec', 'parent'],
        kind: 'group',
        namespace,
        what: 'the group',
        consequence: `"${self}" is shown as a top-level team`,
      });
      if (found !== undefined) {
        this.setParent(self, found, group, ['spec', 'parent']);
      }
    }
    children.forEach((child, index) => {
      const field = ['spec', 'children', index];
      const found = this.existing(this.teams, child, { item: group, field, kind: 'group', namespace, what: 'the group', consequence: 'it is left out of the tree' });
      if (found !== undefined) {
        this.setParent(found, self, group, field);
      }
    });
    members.forEach((member, index) => {
      const key = this.ref(member, { item: group, field: ['spec', 'members', index], kind: 'user', namespace });
      if (key !== undefined) {
        this.join(self, this.users.find(key) ?? key);
      }
    });
  }

  private relateUser(user: Located<BackstageUserV1alpha1>): void {
    const self = keyOf(user.value.metadata);
    const namespace = user.value.metadata.namespace ?? DEFAULT_NAMESPACE;
    user.value.spec.memberOf.forEach((group, index) => {
      const found = this.existing(this.teams, group, {
        item: user,
        field: ['spec', 'memberOf', index],
        kind: 'group',
        namespace,
        what: 'the group',
        consequence: 'that membership gives no team',
      });
      if (found !== undefined) {
        this.join(found, self);
      }
    });
  }

  /** A cycle is said once, at the link that closes it from its first member by name. */
  private checkCycles(): void {
    for (const [child, { item, field }] of this.parents) {
      const path = [child];
      for (let at = this.parents.get(child)?.parent; at !== undefined && !path.includes(at); at = this.parents.get(at)?.parent) {
        path.push(at);
      }
      const last = this.parents.get(path[path.length - 1] ?? child)?.parent;
      if (last === child && [...path].sort()[0] === child) {
        this.problems.push({
          file: item.file,
          line: item.lineAt(field),
          field: fieldName(field),
          found: `a cycle: ${[...path, child].join(' → ')}`,
          allowed: 'a tree: no team may be its own ancestor',
        });
      }
    }
  }

  private checkSystem(system: Located<BackstageSystemLike>): void {
    const namespace = system.value.metadata.namespace ?? DEFAULT_NAMESPACE;
    this.existing(this.teams, system.value.spec.owner, {
      item: system,
      field: ['spec', 'owner'],
      kind: 'group',
      namespace,
      what: 'the group',
      consequence: 'Backstage shows it unowned',
    });
    const spec = system.value.spec as { domain?: string; subdomainOf?: string };
    const field = spec.domain === undefined ? 'subdomainOf' : 'domain';
    const domain = spec[field];
    if (domain !== undefined) {
      this.existing(this.domains, domain, { item: system, field: ['spec', field], kind: 'domain', namespace, what: 'the domain', consequence: 'it is kept as written' });
    }
  }

  private withRelations(located: Located<Team>): Located<Team> {
    const extra = (this.members.get(located.value.name) ?? []).filter((m) => !located.value.members.includes(m));
    return { ...located, value: { ...located.value, members: [...located.value.members, ...extra], parent: this.parents.get(located.value.name)?.parent ?? null } };
  }

  private personOf(user: Located<BackstageUserV1alpha1>): Located<Person> {
    const { metadata, spec } = user.value;
    const name = keyOf(metadata);
    return {
      ...user,
      value: {
        name,
        displayName: spec.profile?.displayName ?? metadata.title ?? metadata.name,
        email: spec.profile?.email ?? null,
        teams: [...(this.personTeams.get(name) ?? [])].sort(),
        definition: user.raw,
      },
    };
  }
}

function teamOfGroup(group: Located<BackstageGroupV1alpha1>): Located<Team> {
  const { metadata, spec } = group.value;
  return {
    ...group,
    value: {
      name: keyOf(metadata),
      title: spec.profile?.displayName ?? metadata.title ?? metadata.name,
      description: metadata.description ?? null,
      email: spec.profile?.email ?? null,
      slack: null,
      onCall: null,
      members: [],
      parent: null,
      definition: group.raw,
    },
  };
}

function systemOf(system: Located<BackstageSystemLike>): Located<CatalogSystem> {
  const { kind, metadata } = system.value;
  return { ...system, value: { kind, name: keyOf(metadata), title: metadata.title ?? metadata.name, description: metadata.description ?? null, definition: system.raw } };
}
