import { describe, expect, it } from 'vitest';
import type { ExerciseState } from './controller.ts';
import { nextExercise } from './guide.ts';

const exercise = (id: string, solved: boolean): ExerciseState => ({
  id,
  title: { en: id, ja: id },
  instructions: { en: '', ja: '' },
  goalIds: [],
  hints: [],
  hintsShown: 0,
  solved,
  credited: solved,
});

describe('the exercise a solved one leads to', () => {
  it('is the next unsolved one after it', () => {
    const xs = [exercise('a', true), exercise('b', true), exercise('c', false)];
    expect(nextExercise(xs, 'a')).toEqual({ id: 'c', n: 3 });
  });

  it('wraps around to an earlier unsolved one after the last exercise', () => {
    const xs = [exercise('a', false), exercise('b', false), exercise('c', true)];
    expect(nextExercise(xs, 'c')).toEqual({ id: 'a', n: 1 });
  });

  it('is the first unsolved one when nothing was solved on this page', () => {
    const xs = [exercise('a', true), exercise('b', false)];
    expect(nextExercise(xs, null)).toEqual({ id: 'b', n: 2 });
  });

  it('is none when every exercise is solved (the next chapter follows)', () => {
    expect(nextExercise([exercise('a', true), exercise('b', true)], 'b')).toBeNull();
  });
});
