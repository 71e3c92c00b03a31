/** Thrown inside the quick reader when the text leaves its subset; never escapes quickTree. */
export class LeftToRemark extends Error {}

export const unsure = (reason: string): never => {
  throw new LeftToRemark(reason);
};
