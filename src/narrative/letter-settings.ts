/**
 * Who a letter is from: a setting of the deployment, not of the framework year. The seed letters were signed by
 * named Ofsted officials from Ofsted's offices; Kingsway is neither Ofsted nor a government service, so no real
 * person's name or office may head or sign a letter it writes. The default is a role, not a person; a deployment
 * that has a named lead may set one (src/cli/deployment.ts reads it from the environment).
 */
export interface LetterSignatory {
  /** A person's name, or `null` to sign with the role alone (the default). */
  readonly name: string | null;
  readonly title: string;
}

export interface LetterSettings {
  /** The sender block at the head of the letter, a line each. */
  readonly sender: readonly string[];
  readonly signatory: LetterSignatory;
}

export const DEFAULT_LETTER_SETTINGS: LetterSettings = {
  sender: ['Kingsway', "Children's services assessment"],
  signatory: { name: null, title: 'Assessment lead, Kingsway' },
};
