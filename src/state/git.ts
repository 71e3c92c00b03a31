// The study log's folder as a git work tree, for people who keep their dotfiles in git: the system's
// git, run with argument arrays (never a shell). Each device commits only its own file, so merging
// other devices' commits never conflicts; `.gitattributes` asks for a union merge all the same.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exec, ExecResult } from '../context.js';
import { cleanText } from '../curriculum/text.js';
import { StateError } from '../errors.js';

/** What a sync folder's `.gitattributes` says: device files merge as the union of their lines. */
export const GIT_ATTRIBUTES = '*.jsonl merge=union\n';

/** The branch a new remote gets (one that has a branch already keeps its own). */
const NEW_BRANCH = 'main';

/** A git command that failed: its words, cleaned (a remote's message is text from outside). */
export class GitFailure extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: ExecResult,
  ) {
    super(cleanText(result.stderr.trim().split('\n').filter((line) => !line.startsWith('hint:')).slice(-3).join(' ') || `git ${args[0]} exited ${result.code}`));
  }
}

export class GitFolder {
  constructor(
    readonly dir: string,
    private readonly exec: Exec,
  ) {}

  /** Runs git in the folder; a failure is a GitFailure, git missing a StateError saying so. */
  async git(...args: string[]): Promise<string> {
    const result = await this.exec('git', args, { cwd: this.dir });
    if (result.code === null) {
      if (!existsSync(this.dir)) throw new StateError(`the sync folder ${this.dir} is missing`, 'Nothing was changed. `prep sync init --git URL` makes it again.');
      throw new StateError(
        result.error === 'ENOENT' ? 'git is not installed, or not on PATH' : `cannot run git: ${result.error ?? 'it did not start'}`,
        'Install git, or keep the log in a folder a sync tool keeps in sync instead: `prep sync init DIR`.',
      );
    }
    if (result.code !== 0) throw new GitFailure(args, result);
    return result.stdout;
  }

  /** Whether git answers `args` with success (a question, not a step that must work). */
  async asks(...args: string[]): Promise<boolean> {
    try {
      await this.git(...args);
      return true;
    } catch (caught) {
      if (caught instanceof GitFailure) return false;
      throw caught;
    }
  }

  /**
   * The remote's URL, or null when the folder is no clone with an `origin` of its own (one inside
   * another work tree, dotfiles kept in git at home, say, is not one).
   */
  async origin(): Promise<string | null> {
    if (!existsSync(join(this.dir, '.git'))) return null;
    try {
      return (await this.git('remote', 'get-url', 'origin')).trim();
    } catch (caught) {
      if (caught instanceof GitFailure) return null;
      throw caught;
    }
  }

  /**
   * Makes the folder a clone of `url` (a folder that is one already, of that remote, is kept); a
   * remote with no commits yet gets the branch `main`. Refuses a folder that holds other things.
   */
  async prepare(url: string): Promise<void> {
    const origin = await this.origin();
    if (origin !== null) {
      if (origin !== url) throw new StateError(`${this.dir} is a clone of ${origin}, not of ${url}`, 'Give another folder (`prep sync init --git URL DIR`), or the URL it was cloned from.');
    } else {
      if (existsSync(this.dir) && readdirSync(this.dir).length > 0) throw new StateError(`${this.dir} is not empty, and not a clone of ${url}`, 'Give an empty or new folder: `prep sync init --git URL DIR`.');
      await new GitFolder(join(this.dir, '..'), this.exec).git('clone', '--quiet', '--', url, this.dir).catch((caught: unknown) => {
        throw caught instanceof GitFailure ? new StateError(`cannot clone ${url}: ${caught.message}`, 'Nothing was changed. Check the URL, and that `git clone URL` works here.') : caught;
      });
    }
    if (!(await this.asks('rev-parse', '--verify', '--quiet', 'HEAD'))) {
      // Nothing checked out: an empty remote, or one whose HEAD names a branch it lacks (a bare
      // repository's `master` while the log went to `main`). Its own branch, if it has one.
      const branches = (await this.git('for-each-ref', '--format=%(refname:strip=3)', 'refs/remotes/origin/')).split('\n').filter((name) => name !== '' && name !== 'HEAD');
      const branch = [NEW_BRANCH, 'master'].find((name) => branches.includes(name)) ?? branches[0];
      if (branch === undefined) await this.git('symbolic-ref', 'HEAD', `refs/heads/${NEW_BRANCH}`);
      else await this.git('checkout', '--quiet', '-B', branch, `refs/remotes/origin/${branch}`);
    }
    if (!existsSync(join(this.dir, '.gitattributes'))) writeFileSync(join(this.dir, '.gitattributes'), GIT_ATTRIBUTES, { mode: 0o600 });
  }

  async branch(): Promise<string> {
    return (await this.git('symbolic-ref', '--short', 'HEAD')).trim();
  }

  /** Commits `files` as they are (those that exist), as `device`; false when there was nothing new. */
  async commit(files: readonly string[], device: string, message: string): Promise<boolean> {
    const present = files.filter((file) => existsSync(join(this.dir, file)));
    if (present.length === 0) return false;
    await this.git('add', '--', ...present);
    if (await this.asks('diff', '--cached', '--quiet', '--', ...present)) return false;
    await this.git(...(await this.identity(device)), 'commit', '--quiet', '-m', message, '--', ...present);
    return true;
  }

  /** Merges `ref` in (a merge commit, when needed, made as the commits are). */
  async merge(ref: string, device: string): Promise<void> {
    await this.git(...(await this.identity(device)), 'merge', '--quiet', '--no-edit', '--allow-unrelated-histories', ref);
  }

  /** A machine without a git identity still commits, as its device. */
  private async identity(device: string): Promise<string[]> {
    return (await this.asks('config', 'user.email')) ? [] : ['-c', `user.name=${device}`, '-c', `user.email=${device}@prep.invalid`];
  }

  /** Whether the remote has the branch (as last fetched). */
  hasRemote(branch: string): Promise<boolean> {
    return this.asks('rev-parse', '--verify', '--quiet', `refs/remotes/origin/${branch}`);
  }

  /** Lines of `file` in the remote's branch as last fetched: 0 when it is not there. */
  async remoteLines(branch: string, file: string): Promise<number> {
    if (!(await this.hasRemote(branch))) return 0;
    try {
      const text = await this.git('show', `refs/remotes/origin/${branch}:${file}`);
      return text.split('\n').length - 1;
    } catch (caught) {
      if (caught instanceof GitFailure) return 0;
      throw caught;
    }
  }
}
