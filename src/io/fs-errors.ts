// What a failed file operation means to a user: the errno codes people meet, in plain words.

/** The error's errno code ('' when it has none). */
export function errnoOf(caught: unknown): string {
  return (caught as NodeJS.ErrnoException | undefined)?.code ?? '';
}

/** True for the codes that say the disk, not prep, is the problem: the user can act on these. */
export function isDiskProblem(caught: unknown): boolean {
  return ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EMFILE', 'ENFILE'].includes(errnoOf(caught));
}

/** The errno codes people meet, in a few words: one table for every message about a path. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'part of that path is a file, not a directory',
  EISDIR: 'it is a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'the disk is full',
  EDQUOT: 'over the disk quota',
  ELOOP: 'too many symbolic links (a link that points to itself?)',
  ENAMETOOLONG: 'its name is too long',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'an input/output error',
};

/** A failed operation's cause in a few words, for "cannot … PATH: <reason>". */
export function reasonOf(caught: unknown): string {
  const code = errnoOf(caught);
  return REASONS[code] ?? (code || (caught as Error).message);
}

/** A failed write's cause in a few words, for "cannot write PATH: <reason>": a missing directory is named as such. */
export function writeReasonOf(caught: unknown): string {
  return errnoOf(caught) === 'ENOENT' ? 'its directory does not exist' : reasonOf(caught);
}

/** Why a write into `dir` failed, as a sentence a user can act on. */
export function writeFailure(caught: unknown, dir: string): string {
  switch (errnoOf(caught)) {
    case 'ENOSPC':
      return `the disk holding ${dir} is full`;
    case 'EDQUOT':
      return `you are over your disk quota on the disk holding ${dir}`;
    case 'EROFS':
      return `${dir} is on a read-only file system`;
    case 'EACCES':
    case 'EPERM':
      return `cannot write in ${dir}: permission denied`;
    case 'EIO':
      return `the disk holding ${dir} reported an input/output error`;
    default:
      return `cannot write in ${dir}: ${reasonOf(caught)}`;
  }
}
