// The shape every `iamlab` command has, so the dispatcher stays a table.
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface Command {
  readonly name: string;
  /** One line for `iamlab --help`. */
  readonly summary: string;
  /** Returns the exit status. */
  run(args: readonly string[], io: CommandIo): number | Promise<number>;
}
