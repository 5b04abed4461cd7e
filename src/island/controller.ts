// The sandbox's one state, without a DOM: the learner's documents, the attempt on the form,
// the last run and its stepper, the sessions and the simulated clock, goals and exercises.
// Panels render from its snapshots and call its commands; saving and the share URL are one
// subscriber. Every run goes through the core's runAttempt / checkGoals, the functions that
// `iamlab run` and `iamlab check` use, so the page shows what the CLI prints.
import { createActor, type Actor } from 'xstate';
import { assumeRoleMachine } from '../../sandbox/machines/assume-role.machine.ts';
import type { Localized } from '../../sandbox/policy/types.ts';
import {
  checkGoals,
  decisionName,
  expectationName,
  goalStatus,
  runAttempt,
  type AttemptResult,
  type DecisionName,
  type GoalStatus,
} from '../../sandbox/scenario/run.ts';
import type { Attempt, Expectation, Scenario } from '../../sandbox/scenario/types.ts';
import type { StepId } from '../../sandbox/sts/types.ts';
import type { DocId, Session, World } from '../../sandbox/world/types.ts';
import {
  presetDraft,
  startDraft,
  withField,
  withStepAdded,
  withStepRemoved,
  type AttemptDraft,
  type FieldValue,
} from './attempt-model.ts';

export interface GoalState {
  readonly id: string;
  readonly title: Localized;
  readonly expect: Expectation;
  /** The expectation in the vocabulary of `data-decision` (`denied` for either denial). */
  readonly expected: string;
  readonly met: boolean;
  /** What the goal's last call got: `allowed`, `implicitDeny`, `error:ExpiredToken`… */
  readonly got: DecisionName;
  /** Held at the start already: the learner must keep it holding. */
  readonly guard: boolean;
  readonly status: GoalStatus;
}

export interface ExerciseState {
  readonly id: string;
  readonly title: Localized;
  readonly instructions: Localized;
  readonly goalIds: readonly string[];
  readonly hints: readonly Localized[];
  readonly hintsShown: number;
  readonly solved: boolean;
  /** The learner turned it from failing to passing themselves (no solution shown). */
  readonly credited: boolean;
}

export interface RunState {
  /** What ran: the draft as it was when Run was pressed. */
  readonly draft: AttemptDraft;
  readonly result: AttemptResult;
  readonly decision: DecisionName;
  /** The step whose trace the stepper walks (the last one that ran, unless the learner picks). */
  readonly shownStep: number;
}

export interface StepperState {
  readonly active: StepId | null;
  readonly decided: boolean;
}

export interface Snapshot {
  readonly scenario: Scenario;
  readonly documents: Readonly<Record<DocId, string>>;
  readonly draft: AttemptDraft;
  /** The step of the draft the form edits. */
  readonly editStep: number;
  readonly run: RunState | null;
  readonly stepper: StepperState;
  readonly sessions: readonly Session[];
  readonly now: number;
  /** `null` until goals were first computed. */
  readonly goals: readonly GoalState[] | null;
  readonly exercises: readonly ExerciseState[];
  readonly solved: boolean;
  readonly showingSolution: boolean;
  /** The learner's own documents, kept while the solution is shown. */
  readonly mine: Readonly<Record<DocId, string>> | null;
  readonly canUndoReset: boolean;
}

/** What a change touched, so panels skip work that cannot have changed. */
export type Change = 'documents' | 'attempt' | 'run' | 'sessions' | 'goals' | 'exercises';

/** Things worth telling the learner (the app words them and a live region reads them out). */
export type ControllerEvent =
  | { readonly type: 'ran'; readonly run: RunState }
  | { readonly type: 'stepped'; readonly active: StepId; readonly run: RunState }
  | { readonly type: 'goalFlipped'; readonly goal: GoalState }
  | { readonly type: 'exerciseSolved'; readonly exercise: ExerciseState }
  | { readonly type: 'solved' }
  | { readonly type: 'hint'; readonly exercise: string; readonly hint: Localized }
  | { readonly type: 'clock'; readonly now: number; readonly expired: number };

export interface Restorable {
  readonly documents: Readonly<Record<DocId, string>>;
  readonly draft: AttemptDraft;
  readonly hintsShown?: Readonly<Record<string, number>>;
  readonly mine?: Readonly<Record<DocId, string>>;
  /** Exercises the learner already earned or saw failing (from a save). */
  readonly credited?: readonly string[];
  readonly tried?: readonly string[];
}

interface Before {
  readonly documents: Readonly<Record<DocId, string>>;
  readonly draft: AttemptDraft;
  readonly mine: Readonly<Record<DocId, string>> | undefined;
}

type Listener = (snapshot: Snapshot, changes: ReadonlySet<Change>) => void;
type EventListener = (event: ControllerEvent) => void;

export class SandboxController {
  readonly #scenario: Scenario;
  readonly #start: Readonly<Record<DocId, string>>;
  readonly #guards: ReadonlySet<string>;
  #documents: Readonly<Record<DocId, string>>;
  #draft: AttemptDraft;
  #editStep = 0;
  #run: RunState | null = null;
  readonly #stepper: Actor<typeof assumeRoleMachine>;
  #sessions: readonly Session[] = [];
  #now: number;
  #goals: readonly GoalState[] | null = null;
  #hintsShown: Record<string, number> = {};
  #mine: Readonly<Record<DocId, string>> | undefined;
  #beforeReset: Before | null = null;
  readonly #credited = new Set<string>();
  /** Exercises seen failing: only these can be credited when they pass. */
  readonly #tried = new Set<string>();
  readonly #listeners = new Set<Listener>();
  readonly #eventListeners = new Set<EventListener>();
  #snapshot: Snapshot | null = null;

  constructor(scenario: Scenario, restore?: Restorable) {
    this.#scenario = scenario;
    const start: Record<DocId, string> = {};
    for (const id of scenario.editable) start[id] = scenario.world.documents[id] ?? '';
    this.#start = start;
    this.#guards = new Set(
      checkGoals(scenario.world, scenario.clockStart, scenario.goals)
        .filter((g) => g.passed)
        .map((g) => g.goal.id),
    );
    this.#documents = start;
    this.#draft = startDraft(scenario);
    this.#now = scenario.clockStart;
    this.#stepper = createActor(assumeRoleMachine, { input: { outcome: null } });
    this.#stepper.start();
    if (restore !== undefined) this.#applyRestore(restore);
  }

  // ---- reading --------------------------------------------------------------------------

  get scenario(): Scenario {
    return this.#scenario;
  }

  /** The start state's documents (what reset goes back to and share links are a diff from). */
  get startDocuments(): Readonly<Record<DocId, string>> {
    return this.#start;
  }

  getSnapshot(): Snapshot {
    this.#snapshot ??= this.#makeSnapshot();
    return this.#snapshot;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onEvent(listener: EventListener): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  /** The world with the learner's documents in place of the start's. */
  world(): World {
    return {
      ...this.#scenario.world,
      documents: { ...this.#scenario.world.documents, ...this.#documents },
    };
  }

  // ---- documents ------------------------------------------------------------------------

  /** A keystroke: goals go stale and are recomputed by `refreshGoals` once typing pauses. */
  editDocument(docId: DocId, text: string): void {
    if (!(docId in this.#start) || this.#documents[docId] === text) return;
    this.#documents = { ...this.#documents, [docId]: text };
    const changes: Change[] = ['documents'];
    if (this.#clearRun()) changes.push('run');
    this.#emit(changes);
  }

  showSolution(): void {
    this.#mine = { ...this.#documents };
    const next = { ...this.#documents };
    for (const [docId, text] of Object.entries(this.#scenario.solution))
      if (docId in next) next[docId] = text;
    this.#documents = next;
    this.#clearRun();
    this.refreshGoals(['documents', 'run', 'exercises']);
  }

  restoreMine(): void {
    if (this.#mine === undefined) return;
    this.#documents = { ...this.#documents, ...this.#mine };
    this.#mine = undefined;
    this.#clearRun();
    this.refreshGoals(['documents', 'run', 'exercises']);
  }

  /** Back to the start: documents, attempt, sessions and clock; undoable once. */
  reset(): void {
    this.#beforeReset = { documents: this.#documents, draft: this.#draft, mine: this.#mine };
    this.#documents = this.#start;
    this.#draft = startDraft(this.#scenario);
    this.#editStep = 0;
    this.#mine = undefined;
    this.#clearRun();
    this.#sessions = [];
    this.#now = this.#scenario.clockStart;
    this.refreshGoals(['documents', 'attempt', 'run', 'sessions', 'exercises']);
  }

  undoReset(): void {
    const back = this.#beforeReset;
    if (back === null) return;
    this.#beforeReset = null;
    this.#documents = back.documents;
    this.#draft = back.draft;
    this.#mine = back.mine;
    this.#editStep = 0;
    this.refreshGoals(['documents', 'attempt', 'exercises']);
  }

  /** A saved or imported state applied to the open page (documents, attempt, hints). */
  restore(state: Restorable): void {
    this.#applyRestore(state);
    this.#clearRun();
    this.refreshGoals(['documents', 'attempt', 'run', 'exercises']);
  }

  // ---- the attempt ----------------------------------------------------------------------

  choosePreset(id: string): void {
    const draft = presetDraft(this.#scenario, id);
    if (draft === null) return;
    this.#draft = draft;
    this.#editStep = 0;
    const changes: Change[] = ['attempt'];
    if (this.#clearRun()) changes.push('run');
    this.#emit(changes);
  }

  setField(name: string, value: FieldValue): void {
    const next = withField(this.#scenario, this.#draft, this.#editStep, name, value);
    if (next === this.#draft) return;
    this.#draft = next;
    const changes: Change[] = ['attempt'];
    if (this.#clearRun()) changes.push('run');
    this.#emit(changes);
  }

  selectStep(index: number): void {
    if (index < 0 || index >= this.#draft.attempt.steps.length) return;
    this.#editStep = index;
    const changes: Change[] = ['attempt'];
    const run = this.#run;
    if (run !== null && index < run.result.steps.length) {
      this.#run = { ...run, shownStep: index };
      this.#loadStepper(true);
      changes.push('run');
    }
    this.#emit(changes);
  }

  addStep(): void {
    this.#draft = withStepAdded(this.#scenario, this.#draft);
    this.#editStep = this.#draft.attempt.steps.length - 1;
    this.#clearRun();
    this.#emit(['attempt', 'run']);
  }

  removeStep(index: number): void {
    this.#draft = withStepRemoved(this.#draft, index);
    this.#editStep = Math.min(this.#editStep, this.#draft.attempt.steps.length - 1);
    this.#clearRun();
    this.#emit(['attempt', 'run']);
  }

  /** The learner continues with a session they hold: a call with its credentials. */
  useSession(index: number): void {
    const session = this.#sessions[index];
    if (session === undefined) return;
    // A new attempt of one call with the session's credentials: a service call to start.
    this.#draft = withField(
      this.#scenario,
      {
        ...this.#draft,
        attempt: { ...this.#draft.attempt, steps: this.#draft.attempt.steps.slice(0, 1) },
      },
      0,
      'caller',
      `session:${session.credentials.accessKeyId}`,
    );
    this.#editStep = 0;
    this.#clearRun();
    this.#emit(['attempt', 'run']);
  }

  // ---- running --------------------------------------------------------------------------

  /** Runs the attempt on the form and shows the decision at once. */
  run(): RunState {
    const run = this.#execute(this.#draft);
    this.#stepper.send({ type: 'RUN' });
    this.#emit(['run', 'sessions']);
    this.#tell({ type: 'ran', run });
    return run;
  }

  /** Runs a goal's own calls (the form shows the goal) and shows its trace. */
  runGoal(id: string): RunState | null {
    const draft = presetDraft(this.#scenario, id);
    if (draft === null) return null;
    this.#draft = draft;
    this.#editStep = 0;
    const run = this.#execute(draft);
    this.#stepper.send({ type: 'RUN' });
    this.#emit(['attempt', 'run', 'sessions']);
    this.#tell({ type: 'ran', run });
    return run;
  }

  /** One gate further in the shown call's evaluation; runs the attempt first if needed. */
  step(): void {
    let run = this.#run;
    if (run === null) run = this.#execute(this.#draft);
    this.#stepper.send({ type: 'STEP' });
    const snap = this.#stepper.getSnapshot();
    this.#emit(['run', 'sessions']);
    if (snap.hasTag('decided')) this.#tell({ type: 'ran', run });
    else if (snap.context.active !== null)
      this.#tell({ type: 'stepped', active: snap.context.active, run });
  }

  /** The stepper back to its start; the run's result stays. */
  resetStepper(): void {
    if (this.#run === null) return;
    this.#stepper.send({ type: 'RESET' });
    this.#emit(['run']);
  }

  /** `sts get-caller-identity` with a session the learner holds. */
  whoami(index: number): void {
    const session = this.#sessions[index];
    if (session === undefined) return;
    const draft: AttemptDraft = {
      source: { kind: 'custom', basedOn: null },
      attempt: {
        id: 'whoami',
        title: { en: '', ja: '' },
        steps: [{ call: { op: 'GetCallerIdentity' } }],
      },
      fromSession: session.credentials.accessKeyId,
    };
    const run = this.#execute(draft);
    this.#stepper.send({ type: 'RUN' });
    this.#emit(['run', 'sessions']);
    this.#tell({ type: 'ran', run });
  }

  forward(minutes: number): void {
    this.#now += minutes * 60_000;
    const expired = this.#sessions.filter((s) => s.expiresAt <= this.#now).length;
    this.#emit(['sessions']);
    this.#tell({ type: 'clock', now: this.#now, expired });
  }

  // ---- goals and exercises --------------------------------------------------------------

  /** Re-checks every goal against the current documents (the app calls it once typing pauses). */
  refreshGoals(also: readonly Change[] = []): void {
    const before = this.#goals;
    const wasSolved = this.#snapshot?.solved ?? false;
    const world = this.world();
    this.#goals = checkGoals(world, this.#scenario.clockStart, this.#scenario.goals).map((r) => {
      const guard = this.#guards.has(r.goal.id);
      return {
        id: r.goal.id,
        title: r.goal.title,
        expect: r.goal.expect,
        expected: expectationName(r.goal.expect),
        met: r.passed,
        got: decisionName(r.result.verdict),
        guard,
        status: goalStatus(r.passed, guard),
      };
    });
    const met = this.#metMap();
    const newlyCredited: string[] = [];
    for (const e of this.#scenario.exercises) {
      const solved = e.goals.every((id) => met[id] === true);
      if (!solved) this.#tried.add(e.id);
      else if (this.#tried.has(e.id) && this.#mine === undefined && !this.#credited.has(e.id)) {
        this.#credited.add(e.id);
        newlyCredited.push(e.id);
      }
    }
    this.#emit(['goals', 'exercises', ...also]);
    // Only changes the learner made are news: the first computation after loading is not.
    if (before === null) return;
    for (const goal of this.#goals) {
      const old = before.find((g) => g.id === goal.id);
      if (old !== undefined && old.met !== goal.met) this.#tell({ type: 'goalFlipped', goal });
    }
    const snapshot = this.getSnapshot();
    for (const id of newlyCredited) {
      const exercise = snapshot.exercises.find((e) => e.id === id);
      if (exercise !== undefined) this.#tell({ type: 'exerciseSolved', exercise });
    }
    if (snapshot.solved && !wasSolved) this.#tell({ type: 'solved' });
  }

  showHint(exerciseId: string): void {
    const exercise = this.#scenario.exercises.find((e) => e.id === exerciseId);
    if (exercise === undefined) return;
    const shown = Math.min(exercise.hints.length, (this.#hintsShown[exerciseId] ?? 0) + 1);
    this.#hintsShown = { ...this.#hintsShown, [exerciseId]: shown };
    this.#emit(['exercises']);
    const hint = exercise.hints[shown - 1];
    if (hint !== undefined) this.#tell({ type: 'hint', exercise: exerciseId, hint });
  }

  /** What saving keeps beyond the documents and the attempt. */
  progress(): {
    hintsShown: Readonly<Record<string, number>>;
    mine: Readonly<Record<DocId, string>> | undefined;
    credited: readonly string[];
    tried: readonly string[];
    met: readonly string[];
    solved: boolean;
  } {
    const snapshot = this.getSnapshot();
    return {
      hintsShown: this.#hintsShown,
      mine: this.#mine,
      credited: [...this.#credited],
      tried: [...this.#tried],
      met: (snapshot.goals ?? []).filter((g) => g.met).map((g) => g.id),
      solved: snapshot.solved,
    };
  }

  dispose(): void {
    this.#stepper.stop();
    this.#listeners.clear();
    this.#eventListeners.clear();
  }

  // ---- internals ------------------------------------------------------------------------

  #applyRestore(state: Restorable): void {
    const documents = { ...this.#start };
    for (const [id, text] of Object.entries(state.documents))
      if (id in documents) documents[id] = text;
    this.#documents = documents;
    this.#draft = state.draft;
    this.#editStep = 0;
    this.#hintsShown = { ...(state.hintsShown ?? {}) };
    this.#mine = state.mine;
    for (const id of state.credited ?? []) this.#credited.add(id);
    for (const id of state.tried ?? []) this.#tried.add(id);
  }

  #metMap(): Record<string, boolean> {
    return Object.fromEntries((this.#goals ?? []).map((g) => [g.id, g.met]));
  }

  #execute(draft: AttemptDraft): RunState {
    const from =
      draft.fromSession === null
        ? undefined
        : { sessions: this.#sessions, now: this.#now, accessKeyId: draft.fromSession };
    const result = runAttempt(this.world(), this.#scenario.clockStart, draft.attempt, from);
    // A fresh attempt starts its own world at the scenario's clock; the page follows it.
    this.#sessions = result.sessions;
    this.#now = result.now;
    const run: RunState = {
      draft,
      result,
      decision: decisionName(result.verdict),
      shownStep: Math.max(0, result.steps.length - 1),
    };
    this.#run = run;
    this.#loadStepper(false);
    return run;
  }

  #loadStepper(decide: boolean): void {
    const outcome = this.#run?.result.steps[this.#run.shownStep]?.outcome;
    if (outcome === undefined) {
      this.#stepper.send({ type: 'RESET' });
      return;
    }
    this.#stepper.send({ type: 'LOAD', outcome });
    if (decide) this.#stepper.send({ type: 'RUN' });
  }

  /** An edit made the last run stale: its verdict no longer describes the page. */
  #clearRun(): boolean {
    if (this.#run === null) return false;
    this.#run = null;
    this.#stepper.send({ type: 'RESET' });
    return true;
  }

  #makeSnapshot(): Snapshot {
    const met = this.#metMap();
    const goalsKnown = this.#goals !== null;
    const exercises = this.#scenario.exercises.map((e): ExerciseState => ({
      id: e.id,
      title: e.title,
      instructions: e.instructions,
      goalIds: e.goals,
      hints: e.hints,
      hintsShown: this.#hintsShown[e.id] ?? 0,
      solved: goalsKnown && e.goals.every((id) => met[id] === true),
      credited: this.#credited.has(e.id),
    }));
    const stepper = this.#stepper.getSnapshot();
    return {
      scenario: this.#scenario,
      documents: this.#documents,
      draft: this.#draft,
      editStep: this.#editStep,
      run: this.#run,
      stepper: {
        active: this.#run === null ? null : stepper.context.active,
        decided: this.#run !== null && stepper.hasTag('decided'),
      },
      sessions: this.#sessions,
      now: this.#now,
      goals: this.#goals,
      exercises,
      solved:
        goalsKnown &&
        this.#scenario.goals.length > 0 &&
        this.#scenario.goals.every((g) => met[g.id] === true),
      showingSolution: this.#mine !== undefined,
      mine: this.#mine ?? null,
      canUndoReset: this.#beforeReset !== null,
    };
  }

  #emit(changes: readonly Change[]): void {
    this.#snapshot = null;
    const snapshot = this.getSnapshot();
    const set = new Set(changes);
    for (const listener of this.#listeners) listener(snapshot, set);
  }

  #tell(event: ControllerEvent): void {
    for (const listener of this.#eventListeners) listener(event);
  }
}

/** The attempt a run made, for labels: the preset's or goal's title, or none for the learner's. */
export function attemptTitle(s: Scenario, draft: AttemptDraft): Attempt['title'] | null {
  if (draft.source.kind === 'custom') return null;
  const id = draft.source.id;
  return [...s.attempts, ...s.goals].find((a) => a.id === id)?.title ?? null;
}
