/** Everything the demo starts registers how to undo it here; `run()` undoes it all, newest first. */
export class Cleanup {
  readonly #tasks: { label: string; undo: () => Promise<void> }[] = [];

  /** Registers an undo step. */
  add(label: string, undo: () => Promise<void>): void {
    this.#tasks.push({ label, undo });
  }

  /** Runs every undo step once, newest first; returns the failures as lines instead of throwing. */
  async run(): Promise<string[]> {
    const failures: string[] = [];
    while (this.#tasks.length) {
      const task = this.#tasks.pop();
      if (!task) break;
      try {
        await task.undo();
      } catch (error) {
        failures.push(`${task.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return failures;
  }
}
