/**
 * The "Cables" view: the workspace's cables grouped by year and month, by post, by classification or by
 * TAG (a switch in the view's title bar), with counts on every group, filtered with the query language of
 * workspace symbols (`#PTER @PARIS !S 2009`, shown as the view's description), a click opening the cable.
 *
 * Children load one level at a time from the language server (`cable/archive/groups`, and the cables of
 * a group 200 at a time, `cable/archive/items`), so a folder of 250 000 cables opens at once. Registered
 * at activation with no language client loaded: until a source is connected (when the client has
 * started) the view says it is waiting for the language server.
 */
import * as vscode from 'vscode';
import type { ArchiveGroup, ArchiveGrouping, ArchiveItem, ArchiveScope, LevelKey } from '../../../server/src/archiveRequests.ts';
import type { ArchiveSource } from './source.ts';
import { count, describeFilter } from './queryText.ts';
import { groupLabel } from './groupLabel.ts';

export const ARCHIVE_VIEW = 'cable.archive';
const PAGE = 200;
const GROUPINGS: Record<ArchiveGrouping, string> = { date: 'year and month', post: 'post', classification: 'classification', tag: 'TAG' };

/** Theme colours of the levels (contributes.colors), for the cables' icons. */
const LEVEL_COLOURS: Record<LevelKey, string | undefined> = {
  TS: 'cableLevel.topSecret',
  S: 'cableLevel.secret',
  C: 'cableLevel.confidential',
  LOU: 'cableLevel.limitedOfficialUse',
  SBU: 'cableLevel.sensitiveButUnclassified',
  U: 'cableLevel.unclassified',
  none: undefined,
};
const LEVEL_WORDS: Record<LevelKey, string> = {
  TS: 'TOP SECRET',
  S: 'SECRET',
  C: 'CONFIDENTIAL',
  LOU: 'LIMITED OFFICIAL USE',
  SBU: 'SENSITIVE BUT UNCLASSIFIED',
  U: 'UNCLASSIFIED',
  none: 'no classification stated',
};

type Node =
  | { kind: 'group'; id: string; path: string[]; group: ArchiveGroup }
  | { kind: 'cable'; id: string; item: ArchiveItem }
  | { kind: 'more'; id: string; parent: Node & { kind: 'group' }; shown: number; count: number }
  | { kind: 'note'; id: string; text: string };

/** The loaded cables of an opened group, page by page. */
interface Loaded {
  items: ArchiveItem[];
  count: number;
}

export function levelIcon(level: LevelKey): vscode.ThemeIcon {
  const colour = LEVEL_COLOURS[level];
  const icon = level === 'U' || level === 'none' ? 'mail' : 'lock';
  return new vscode.ThemeIcon(icon, colour ? new vscode.ThemeColor(colour) : undefined);
}

function dateText(date: number): string {
  if (date === 0) return 'undated';
  const y = Math.floor(date / 10000);
  const m = Math.floor(date / 100) % 100;
  const d = date % 100;
  return d ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : m ? `${y}-${String(m).padStart(2, '0')}` : String(y);
}

export class ArchiveTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private source: ArchiveSource | undefined;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly filterChanged = new vscode.EventEmitter<string>();
  /** Fires with the new filter (the timeline follows it). */
  readonly onDidChangeFilter = this.filterChanged.event;
  private readonly indexChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeIndex = this.indexChanged.event;
  private readonly loaded = new Map<string, Loaded>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private view: vscode.TreeView<Node> | undefined;
  private generation = 0;

  constructor(private readonly state: vscode.Memento) {}

  get grouping(): ArchiveGrouping {
    return this.state.get<ArchiveGrouping>('cable.archive.grouping', 'date');
  }

  get query(): string {
    return this.state.get<string>('cable.archive.query', '');
  }

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
    this.showState();
  }

  /** The language client has started: the view asks it from now on. */
  connect(source: ArchiveSource): void {
    this.source = source;
    this.subscriptions.push(
      source.onChanged(() => this.refresh(true)),
      source.onRestarted(() => this.refresh(true)),
    );
    this.refresh(true);
  }

  get connected(): ArchiveSource | undefined {
    return this.source;
  }

  async setGrouping(grouping: ArchiveGrouping): Promise<void> {
    await this.state.update('cable.archive.grouping', grouping);
    await vscode.commands.executeCommand('setContext', 'cable.archive.grouping', grouping);
    this.refresh(false);
  }

  async setFilter(query: string): Promise<void> {
    const q = describeFilter(query);
    await this.state.update('cable.archive.query', q);
    await vscode.commands.executeCommand('setContext', 'cable.archive.filtered', q !== '');
    this.refresh(false);
    this.filterChanged.fire(q);
  }

  /** Forgets what was loaded and asks again; `fromIndex` when the server's cables changed. */
  refresh(fromIndex: boolean): void {
    this.generation++;
    this.loaded.clear();
    this.showState();
    this.changed.fire(undefined);
    if (fromIndex) this.indexChanged.fire();
  }

  private scope(path: string[]): ArchiveScope {
    return { grouping: this.grouping, query: this.query, path };
  }

  private showState(): void {
    if (!this.view) return;
    this.view.description = describeFilter(this.query) || undefined;
    this.view.message = this.source ? undefined : 'Waiting for the language server to start…';
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const g = node.group;
        const label = groupLabel(g);
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = count(g.count);
        item.tooltip = `${label}: ${count(g.count)} cable${g.count === 1 ? '' : 's'}`;
        item.contextValue = 'cableGroup';
        if (g.level) item.iconPath = levelIcon(g.level);
        return item;
      }
      case 'cable':
        return this.cableItem(node);
      case 'more': {
        const item = new vscode.TreeItem(`Show ${count(Math.min(PAGE, node.count - node.shown))} more…`);
        item.id = node.id;
        item.description = `${count(node.shown)} of ${count(node.count)} shown`;
        item.command = { command: 'cable.archive.showMore', title: 'Show More', arguments: [node] };
        return item;
      }
      case 'note': {
        const item = new vscode.TreeItem(node.text);
        item.id = node.id;
        return item;
      }
    }
  }

  private cableItem(node: Node & { kind: 'cable' }): vscode.TreeItem {
    const c = node.item;
    const item = new vscode.TreeItem(c.label);
    item.id = node.id;
    item.description = c.subject ?? '';
    item.iconPath = levelIcon(c.level);
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`**${c.label}** — ${LEVEL_WORDS[c.level]}${c.caveats.length ? `//${c.caveats.join('/')}` : ''}\n\n`);
    if (c.subject) tip.appendText(`${c.subject}\n\n`);
    tip.appendText(`${dateText(c.date)}${c.origin ? ` · from ${c.origin}` : ''}${c.tags.length ? ` · TAGS ${c.tags.join(', ')}` : ''}`);
    item.tooltip = tip;
    item.contextValue = 'cable';
    item.command = { command: 'cable.archive.open', title: 'Open Cable', arguments: [c.uri, c.line] };
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const source = this.source;
    if (!source) return [];
    if (node && node.kind !== 'group') return [];
    const path = node?.path ?? [];
    const generation = this.generation;
    try {
      if (!node || node.group.hasGroups) {
        const r = await source.groups(this.scope(path));
        if (!node) this.describeCounts(r.matched, r.total);
        const nodes = r.groups.map((group): Node => ({ kind: 'group', id: `g:${this.grouping}/${[...path, group.key].join('/')}`, path: [...path, group.key], group }));
        if (!node && nodes.length === 0) return [{ kind: 'note', id: 'empty', text: this.query ? 'No cable matches the filter.' : 'No cables indexed yet.' }];
        return nodes;
      }
      let loaded = this.loaded.get(node.id);
      if (!loaded) {
        const page = await source.items({ ...this.scope(path), offset: 0, limit: PAGE });
        loaded = { items: page.items, count: page.count };
        if (generation === this.generation) this.loaded.set(node.id, loaded);
      }
      return this.cableNodes(node, loaded);
    } catch (e) {
      return [{ kind: 'note', id: `error:${node?.id ?? ''}`, text: `The language server could not list the cables: ${e instanceof Error ? e.message : String(e)}` }];
    }
  }

  private cableNodes(parent: Node & { kind: 'group' }, loaded: Loaded): Node[] {
    const nodes: Node[] = loaded.items.map((item) => ({ kind: 'cable', id: `c:${parent.id}/${item.uri}#${item.line}`, item }));
    if (loaded.items.length < loaded.count) nodes.push({ kind: 'more', id: `m:${parent.id}`, parent, shown: loaded.items.length, count: loaded.count });
    return nodes;
  }

  /** The next page of a group's cables. */
  async showMore(more: Node & { kind: 'more' }): Promise<void> {
    const loaded = this.loaded.get(more.parent.id);
    if (!loaded || !this.source) return;
    const page = await this.source.items({ ...this.scope(more.parent.path), offset: loaded.items.length, limit: PAGE });
    loaded.items.push(...page.items);
    loaded.count = page.count;
    this.changed.fire(more.parent);
  }

  private describeCounts(matched: number, total: number): void {
    if (!this.view) return;
    // The description is hidden when the view is alone in its container: the message names the filter too.
    this.view.message = this.query ? `${count(matched)} of ${count(total)} cables match ${describeFilter(this.query)}, grouped by ${GROUPINGS[this.grouping]}.` : undefined;
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
    this.filterChanged.dispose();
    this.indexChanged.dispose();
  }
}

export function registerArchiveView(context: vscode.ExtensionContext, startServer: () => void): ArchiveTree {
  const tree = new ArchiveTree(context.workspaceState);
  const view = vscode.window.createTreeView(ARCHIVE_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  void vscode.commands.executeCommand('setContext', 'cable.archive.grouping', tree.grouping);
  void vscode.commands.executeCommand('setContext', 'cable.archive.filtered', tree.query !== '');
  const group = (g: ArchiveGrouping) => () => tree.setGrouping(g);
  context.subscriptions.push(
    tree,
    view,
    // Showing the view is asking for the cables: the server starts if no cable has started it yet.
    view.onDidChangeVisibility((e) => {
      if (e.visible && !tree.connected) startServer();
    }),
    vscode.commands.registerCommand('cable.archive.groupByDate', group('date')),
    vscode.commands.registerCommand('cable.archive.groupByPost', group('post')),
    vscode.commands.registerCommand('cable.archive.groupByClassification', group('classification')),
    vscode.commands.registerCommand('cable.archive.groupByTag', group('tag')),
    vscode.commands.registerCommand('cable.archive.filter', async (query?: string) => {
      const q =
        typeof query === 'string'
          ? query
          : await vscode.window.showInputBox({
              title: 'Filter the cables',
              value: tree.query,
              placeHolder: '#PTER @PARIS !S 2009',
              prompt: '#TAG, @post, !level or !caveat (!S, !NOFORN), a year, month or span (2009-07, 2008..2009), words of the subject; -term leaves out',
            });
      if (q !== undefined) await tree.setFilter(q);
    }),
    vscode.commands.registerCommand('cable.archive.clearFilter', () => tree.setFilter('')),
    vscode.commands.registerCommand('cable.archive.refresh', () => tree.refresh(false)),
    vscode.commands.registerCommand('cable.archive.showMore', (more: Node & { kind: 'more' }) => tree.showMore(more)),
    vscode.commands.registerCommand('cable.archive.open', async (uri: string, line?: number) => {
      const at = new vscode.Position(Math.max(0, line ?? 0), 0);
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(at, at), preview: true });
    }),
  );
  if (view.visible) startServer();
  return tree;
}
