// What every view reads: the study log folded (src/log/), with the settings beside it, in the shape
// the state file had. Every device's file is read once, through the snapshot only what is new. Where
// an older prep left a state file that no write has turned into the log yet, its history is folded
// in as the first write will record it. Reading writes nothing but caches. The prompt reads through
// this alone; src/state/study-store.ts adds the writes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StateError } from '../errors.js';
import type { LogProblem } from '../log/codec.js';
import type { KnownEvent } from '../log/events.js';
import { deviceFileName } from '../log/files.js';
import { fold, type LogView } from '../log/fold.js';
import { stateToEvents } from '../log/migrate.js';
import { LogReader } from '../log/reader.js';
import { studyDate } from '../schedule/dates.js';
import { ConfigFile, CONFIG_VERSION, type Config } from './config.js';
import type { Paths } from './paths.js';
import { privateDirExists } from './private-dir.js';
import type { Settings } from './schema.js';
import { StateFile, type LegacyState } from './store.js';

/** What the views read: the log's fold and the settings. */
export interface StudyState extends LogView {
  settings: Settings;
}

export interface ReadOptions {
  paths: Paths;
  defaultPlan: string;
  /** The wall clock of this run, which stamps what it records. */
  now: () => Date;
  /** Told once a run of damaged lines found in the log (they are skipped; `prep doctor` lists them). */
  warn?: (message: string) => void;
}

/** A device id in the view before this machine has one (a read of a state file, or of another machine's log). */
export const NOT_YET = 'this-device';

export class StudyReader {
  readonly config: ConfigFile;
  readonly stateFile: StateFile;
  /** Damaged lines, partial last lines and unreadable files found by the last read. */
  problems: LogProblem[] = [];
  protected storedConfig: Config | undefined | null = null;
  protected state: StudyState | undefined | null = null;
  protected legacyRead: LegacyState | false | undefined;
  #reader: LogReader | undefined;
  #warned = false;

  constructor(readonly options: ReadOptions) {
    this.config = new ConfigFile(options.paths.configFile);
    this.stateFile = new StateFile(options.paths.stateFile);
  }

  /** The config file as stored (read once per run). */
  stored(): Config | undefined {
    if (this.storedConfig === null) this.storedConfig = this.config.read();
    return this.storedConfig;
  }

  /** The config file as it is now, read again (under the lock, before changing it). */
  protected current(): Config {
    this.storedConfig = this.config.read();
    return this.storedConfig ?? { version: CONFIG_VERSION };
  }

  /** The settings: the config file's, else an older state file's, else the defaults. */
  get settings(): Settings {
    return this.stored()?.settings ?? this.legacy()?.state.settings ?? { dayStart: 0, defaultPlan: this.options.defaultPlan };
  }

  /** The log's folder: the sync folder once there is one, else prep's own. */
  get logDir(): string {
    return this.stored()?.sync?.dir ?? this.options.paths.logDir;
  }

  get snapshotFile(): string {
    return join(this.options.paths.cacheDir, 'log-snapshot.json');
  }

  /** The reader of the log's folder, kept for the run: what it read once it does not read again. */
  protected reader(): LogReader {
    if (this.#reader?.dir !== this.logDir) this.#reader = new LogReader(this.logDir, { snapshotFile: this.snapshotFile });
    return this.#reader;
  }

  /** Every event in every file of the log, read whole (for a backup, an import, doctor). */
  events(): ReturnType<LogReader['events']> {
    return new LogReader(this.logDir).events();
  }

  /** Forgets the state read, so the next `read()` reads the files again (after another program changed them). */
  forget(): void {
    this.state = null;
  }

  /** The state as it is, or undefined before anything was recorded. Read once per run; a write updates it. */
  read(): StudyState | undefined {
    if (this.state === null) this.state = this.#read();
    return this.state;
  }

  /**
   * A sync folder that is gone (a share not mounted, a sync tool not started) is not an empty log:
   * nothing may start afresh in its place. One another user can write to could hold planted files.
   */
  protected checkFolder(): void {
    const sync = this.stored()?.sync;
    if (sync && !privateDirExists(sync.dir, 'sync folder')) {
      throw new StateError(`the sync folder ${sync.dir} is missing`, 'Nothing was changed. Mount it, or start the tool that keeps it, and run the command again; `prep sync init DIR` names another folder.');
    }
  }

  #read(): StudyState | undefined {
    this.checkFolder();
    const legacy = this.legacy();
    if (legacy) return this.stateOf(this.withLegacy(legacy, this.stored()?.device ?? NOT_YET));
    // No log yet: nothing to read, and no snapshot to make.
    if (!existsSync(this.logDir)) {
      this.checked(fold([]));
      return undefined;
    }
    const reader = this.reader();
    const read = reader.read();
    reader.save();
    this.found(read.problems);
    const view = this.checked(read.view);
    return view.events === 0 ? undefined : this.stateOf(view);
  }

  /** The older state file, while it is there (read again with `again`, under the lock). */
  protected legacy(again = false): LegacyState | undefined {
    if (again || this.legacyRead === undefined) this.legacyRead = this.stateFile.read() ?? false;
    return this.legacyRead || undefined;
  }

  /** The view of the log with the state file's history: what the first write will make of it. */
  protected withLegacy(legacy: LegacyState, device: string): LogView {
    return fold([...this.events().events, ...this.migration(legacy, device)]);
  }

  /**
   * The state file as events, the same ones for the same file (its time and this device): a write
   * cut short before the file was set aside makes no second copy. With `curricula`, the user's
   * own plans ride along, to travel with the log from then on.
   */
  protected migration(legacy: LegacyState, device: string, curricula: readonly { id: string; text: string }[] = []): KnownEvent[] {
    const wall = Math.floor(legacy.mtimeMs);
    return stateToEvents(legacy.state, { device, wall, date: studyDate(new Date(wall), legacy.state.settings.dayStart), curricula });
  }

  /** This device's file in the log's folder, once it has an id. */
  get ownFileName(): string | null {
    const device = this.stored()?.device;
    return device === undefined ? null : deviceFileName(device);
  }

  /**
   * Keeps what a read found wrong, and says so (once) for lines that are damaged, not only
   * unfinished. This device's own file unreadable is a failure: its history would be missing from
   * every view, and a write would start afresh over it.
   */
  protected found(problems: LogProblem[]): void {
    this.problems = problems;
    const own = problems.find((p) => p.line === undefined && p.file === this.ownFileName);
    if (own) {
      const path = join(this.logDir, own.file);
      const reason = /^cannot be read: (.*); its events are left out$/.exec(own.reason)?.[1] ?? own.reason;
      throw new StateError(`cannot read the log file ${path}: ${reason}`, `Nothing was changed. Check who owns it and its mode (\`ls -l ${path}\`): prep needs to read and write it as you.`);
    }
    const damaged = problems.filter((p) => !p.partial);
    if (damaged.length === 0 || this.#warned || !this.options.warn) return;
    this.#warned = true;
    const first = damaged[0]!;
    const what = first.line === undefined ? `${first.file} ${first.reason}` : `${damaged.length === 1 ? 'a damaged line' : `${damaged.length} damaged lines`} (${first.file} line ${first.line}${damaged.length > 1 ? ', …' : ''}), skipped`;
    this.options.warn(`prep: the study log has ${what}; \`prep doctor\` lists ${damaged.length === 1 ? 'it' : 'them'}.`);
  }

  protected stateOf(view: LogView): StudyState {
    return { ...view, settings: this.settings };
  }

  /**
   * `view`, unless it is empty while an older prep's backup holds history: then that history went
   * missing (the state file deleted by hand?), and nothing may start afresh over it.
   */
  protected checked(view: LogView): LogView {
    if (view.events > 0 || this.stateFile.readBackup() === undefined) return view;
    const { path, backupPath } = this.stateFile;
    throw new StateError(
      `the state file ${path} is missing, but its backup ${backupPath} holds your history`,
      'Nothing was changed. `prep doctor --restore` puts the backup back; to start afresh instead, move the backup aside too.',
    );
  }
}
